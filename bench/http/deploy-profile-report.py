"""Reads deploy-profile.sh's recordings (async-profiler, wall clock, collapsed stacks with threads) and shares out the
deploying thread's samples during the deployment by phase, per WAR (mean over its boots), then what our own start-up
waits on. Payara Micro deploys on its main thread (named DestroyJavaVM by the time the JVM exits); the deployment is
everything under PayaraMicroImpl.deployAll or the InitializeAllApplicationsCommand of its boot. With --glassfish, the
recordings are redeploy-time.sh's, one per deployment into a running GlassFish: its admin-listener thread under
ApplicationLifecycle.deploy.
usage: python3 deploy-profile-report.py [--glassfish] DIR WAR...   (one of them builtin: the WAR without our jar)"""
import collections
import glob
import re
import sys

GLASSFISH = sys.argv[1] == "--glassfish"
# The deploying thread's name starts with THREAD; a stack is the deployment's if a frame ends with one of DEPLOYMENT.
THREAD, DEPLOYMENT = (("[admin-listener", ("ApplicationLifecycle.deploy",)) if GLASSFISH
                      else ("[DestroyJavaVM", ("PayaraMicroImpl.deployAll", "InitializeAllApplicationsCommand.execute")))
# A sample with our code on its stack is ours (what our code loads or links counts as ours): our start-up if it is
# under our runtime's start, else our extension, initializer or listeners. Any other sample goes to the innermost
# phase on its stack.
START_UP = "jwt-dropin: start-up (configuration, keys, metrics, revocation store)"
OURS = "jwt-dropin: CDI extension, servlet initializer, direct bridge, filters"
PHASES = [
    ("JAX-RS application start (Jersey)", r"ApplicationHandler\.initialize"),
    ("CDI container start (Weld)", r"^org/jboss/weld/|^org/glassfish/weld/"),
    ("servlet container initializers (Soteria's, the server's)", r"callServletContainerInitializers"),
    ("annotation scanning, class model", r"classmodel|objectweb/asm|ReadableArchiveScanner|deployment/annotation|/apf/"),
]
REST = "web module start, rest of the deployment"
# What our start-up waits on: the first of these found below our innermost frame.
WAITS = [
    ("class loading", r"loadClass|defineClass|findClass"),
    ("invokedynamic linking (lambdas, records, string concatenation)", r"linkCallSite|LambdaMetafactory|ObjectMethods"),
    ("MicroProfile Config look-ups", r"microprofile/config|smallrye/config"),
    ("keys (JCA)", r"java/security|sun/security"),
    ("metrics registration", r"metrics"),
    ("CDI look-ups", r"weld"),
]
NORMALISE = re.compile(r"\$\$Lambda\$?[0-9]*[./]0x[0-9a-f]+|\.0x[0-9a-f]+")


def deployment_stacks(path):
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(" ")
        frames = stack.split(";")
        if not frames[0].startswith(THREAD):
            continue
        java = [NORMALISE.sub("", f) for f in frames[1:] if "/" in f]
        if any(f.endswith(DEPLOYMENT) for f in java):
            yield java, int(count)


def main():
    folder, wars = sys.argv[1 + GLASSFISH], sys.argv[2 + GLASSFISH:]
    phases = [(label, re.compile(rx)) for label, rx in PHASES]
    waits = [(label, re.compile(rx)) for label, rx in WAITS]
    per_war, ours_waits, boots = {}, collections.Counter(), {}
    for war in wars:
        files = sorted(glob.glob(f"{folder}/deploy-profile-{war}-[0-9]*.collapsed"))
        boots[war] = len(files)
        counts = collections.Counter()
        for path in files:
            for java, n in deployment_stacks(path):
                if any(f.startswith("io/jwtdropin/runtime/") for f in java):
                    phase = START_UP
                elif any(re.match(r"io/jwtdropin/(?!bench/)", f) for f in java):
                    phase = OURS
                else:
                    phase = next((label for f in reversed(java) for label, rx in phases if rx.search(f)), REST)
                counts[phase] += n
                if war == wars[0] and any(f.startswith("io/jwtdropin/runtime/") for f in java):
                    last = max(i for i, f in enumerate(java) if f.startswith("io/jwtdropin/"))
                    below = ";".join(java[last + 1:])
                    ours_waits[next((label for label, rx in waits if rx.search(below)), "our own code")] += n
        per_war[war] = {k: v / max(len(files), 1) for k, v in counts.items()}
    others = [w for w in wars if w != "builtin"]
    totals = {w: sum(per_war[w].values()) for w in wars}
    unit = "deployment" if GLASSFISH else "boot"
    print(f"Deploying thread, wall-clock samples per {unit} (mean over "
          + ", ".join(f"{boots[w]} {unit}s of {w}" for w in wars) + "); each WAR's difference from builtin:\n")
    print("| phase | " + " | ".join(wars) + " | " + " | ".join(f"{w} − builtin" for w in others) + " |")
    print("|---|" + "---|" * (len(wars) + len(others)))
    for label in [START_UP, OURS] + [label for label, _ in PHASES] + [REST, "total"]:
        value = {w: totals[w] if label == "total" else per_war[w].get(label, 0) for w in wars}
        print(f"| {label} | " + " | ".join(f"{value[w]:.0f}" for w in wars) + " | "
              + " | ".join(f"{value[w] - value['builtin']:+.0f}" for w in others) + " |")
    start_up = sum(ours_waits.values()) or 1
    print(f"\nOur start-up in {wars[0]}, by what it waits on (share of its samples):\n")
    print("| in | share |")
    print("|---|---|")
    for label, n in ours_waits.most_common():
        print(f"| {label} | {100 * n / start_up:.0f} % |")


main()
