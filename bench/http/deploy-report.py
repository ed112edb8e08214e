"""Where the deploying thread's time goes, per WAR, from the JFR recordings deploy-time.sh takes with PROFILE=1: the
execution samples of the thread "main" (Payara Micro deploys on it) from the JVM's start to the application being
served, per part of the server (each sample to the innermost frame on its stack that belongs to a part), as a mean
over the boots of each WAR. Samples are every 10 ms of running time, so 100 samples ≈ 1 s of the thread's CPU.
usage: python3 deploy-report.py DIR NAME...   (reads DIR/deploy-NAME-*.jfr)"""
import collections
import glob
import re
import subprocess
import sys

PARTS = [
    ("jwt-dropin (our extension, initializer, start-up)", r"^io\.jwtdropin\."),
    ("MicroProfile Config look-ups", r"^fish\.payara\.nucleus\.microprofile\.config|^io\.smallrye\.config"),
    ("CDI (Weld) boot", r"^org\.jboss\.weld\.|^org\.glassfish\.weld\."),
    ("JAX-RS (Jersey, HK2 services)", r"^org\.glassfish\.jersey\.|^org\.glassfish\.hk2\.(?!classmodel)"),
    ("class-model scanning (annotations, types)",
     r"^org\.glassfish\.hk2\.classmodel|^org\.objectweb\.asm|ReadableArchiveScanner|\.deployment\.annotation\."
     r"|org\.glassfish\.apf"),
    ("security (Soteria, Jakarta Authentication, JACC)",
     r"^org\.glassfish\.soteria|\.security\.|exousia|[Jj]aspi|[Jj]acc"),
    ("Hazelcast (data grid, JCache)", r"^com\.hazelcast\."),
    ("servlet container (web module start)", r"^org\.apache\.catalina|^com\.sun\.enterprise\.web\.|^org\.glassfish\.web"),
    ("rest of the server", r"^(org\.glassfish|com\.sun\.enterprise|fish\.payara|org\.jvnet|com\.sun)"),
]
FRAME = re.compile(r"^\s+([\w$.<>/]+)\(")
THREAD = re.compile(r'sampledThread = "([^"]*)"')
OTHER = "JDK only (class loading, zip, ...)"


def main_thread_stacks(jfr):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "400", jfr],
                          capture_output=True, text=True, check=True).stdout
    stacks, stack, thread, inside = [], [], None, False
    for line in text.splitlines():
        m = THREAD.search(line)
        if m:
            thread = m.group(1)
        elif "stackTrace = [" in line:
            stack, inside = [], True
        elif inside and line.strip() == "]":
            inside = False
            if thread == "main":
                stacks.append(stack)
        elif inside:
            f = FRAME.match(line)
            if f:
                stack.append(f.group(1))
    return stacks


def main():
    folder, names = sys.argv[1], sys.argv[2:]
    compiled = [(label, re.compile(rx)) for label, rx in PARTS]
    table = {}
    for name in names:
        files = sorted(glob.glob(f"{folder}/deploy-{name}-*.jfr"))
        counts = collections.Counter()
        for jfr in files:
            for s in main_thread_stacks(jfr):
                counts[next((label for f in s for label, rx in compiled if rx.search(f)), OTHER)] += 1
        table[name] = ({k: v / max(len(files), 1) for k, v in counts.items()}, len(files))
    print("| part (samples of the deploying thread, mean per boot) | "
          + " | ".join(f"{n} ({table[n][1]} boots)" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for label in [label for label, _ in PARTS] + [OTHER, "total"]:
        cells = []
        for n in names:
            counts = table[n][0]
            cells.append(f"{sum(counts.values()):.0f}" if label == "total" else f"{counts.get(label, 0):.0f}")
        print(f"| {label} | " + " | ".join(cells) + " |")


main()
