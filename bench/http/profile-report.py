"""Where a server's samples fall, from `jfr print --events jdk.ExecutionSample` text: per layer of a secured request
(each sample to the innermost frame on its stack that belongs to a layer), the methods on top of the stack, and the
security and CDI methods anywhere on it. Used by profile.sh.
usage: python3 profile-report.py SAMPLES.txt TITLE CPU_US_PER_REQUEST [TOP]"""
import collections
import re
import sys

OTHER = "other (JDK only: GC, idle pool threads)"
# A layer's share is its own work plus the JDK code it calls: our signature check counts as ours, the container's
# callback handler that our mechanism calls as the container's. Order decides only for a frame matching two.
LAYERS = [
    ("jwt-dropin (our jar)", r"^io\.jwtdropin\.(?!bench\.)"),
    ("JAX-RS role checks (the server's @RolesAllowed filter)", r"RolesAllowed\w*Filter|RoleBasedSecurityFilter"),
    ("Jakarta Authorization: permission checks (JACC)",
     r"\.jacc\.|exousia|Jacc|PolicyProvider|[Pp]olicy\w*\.implies|has(UserData|Resource|RoleRef)Permission"),
    ("Jakarta Authentication, realm, login (JASPIC)",
     r"[Jj]aspi|JASPI|\.auth\.realm\.|\.auth\.login\.|JaasBridge|Authenticator|RealmAdapter|org\.wildfly\.security"
     r"|io\.undertow\.security|com\.ibm\.ws\.security|com\.ibm\.ws\.webcontainer\.security"),
    ("Jakarta Security (Soteria)", r"^org\.glassfish\.soteria\."),
    ("CDI (Weld)", r"^org\.jboss\.weld\.|^org\.glassfish\.weld\.|^com\.ibm\.ws\.cdi"),
    ("JAX-RS runtime", r"^(org\.glassfish\.jersey|org\.jboss\.resteasy|org\.apache\.cxf|com\.ibm\.ws\.jaxrs)"),
    ("the application (bench resources)", r"^io\.jwtdropin\.bench\."),
    ("servlet container, HTTP, rest of the server",
     r"^(org\.apache\.catalina|org\.glassfish|com\.sun\.enterprise|fish\.payara|io\.undertow|org\.jboss|org\.wildfly"
     r"|com\.ibm|io\.openliberty|org\.eclipse)"),
]
INTERESTING = re.compile(r"jwtdropin|[Ss]ecurity|soteria|jacc|Jacc|exousia|Realm|[Aa]uthenticat|[Jj]aspi|weld|Weld"
                         r"|RolesAllowed|Principal|Subject")
FRAME = re.compile(r"^\s+([\w$.<>/]+)\(")


def read_stacks(path):
    stacks, stack, inside = [], [], False
    for line in open(path):
        if line.startswith("jdk.ExecutionSample"):
            stack, inside = [], False
        elif "stackTrace = [" in line:
            inside = True
        elif inside and line.strip() == "]":
            inside = False
            stacks.append(stack)
        elif inside:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))
    return stacks


def main():
    path, title, cpu_us = sys.argv[1], sys.argv[2], float(sys.argv[3])
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    stacks = read_stacks(path)
    total = len(stacks) or 1
    compiled = [(label, re.compile(rx)) for label, rx in LAYERS]
    layer = collections.Counter(
        next((label for f in s for label, rx in compiled if rx.search(f)), OTHER) for s in stacks)
    out = [f"# Profile: {title}", "",
           f"{total} execution samples (JFR, every 10 ms); the server's CPU during the window: {cpu_us:.0f} µs per "
           "request, shared out below by samples.", "",
           "| layer (innermost on the stack) | share of samples | ≈ CPU-µs per request |", "|---|---|---|"]
    for label in [label for label, _ in LAYERS] + [OTHER]:
        out.append(f"| {label} | {100 * layer[label] / total:.1f} % | {cpu_us * layer[label] / total:.1f} |")
    out += ["", "| self (top of stack) | share |", "|---|---|"]
    out += [f"| `{m}` | {100 * n / total:.1f} % |"
            for m, n in collections.Counter(s[0] for s in stacks if s).most_common(top)]
    inclusive = collections.Counter()
    for s in stacks:
        inclusive.update(set(s))
    out += ["", "| inclusive (anywhere on the stack): security and CDI methods | share |", "|---|---|"]
    out += [f"| `{m}` | {100 * n / total:.1f} % |" for m, n in inclusive.most_common()
            if INTERESTING.search(m)][:top * 2]
    print("\n".join(out))


main()
