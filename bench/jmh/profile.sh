#!/usr/bin/env bash
# Where the uncached verification time goes: one JMH run of VerificationBenchmark.jwtDropin under JFR with 1 ms method
# sampling, then the share of samples (inclusive) per method under the benchmark method.
# Usage: bench/jmh/profile.sh [ALG] [TOP]   (after: mvn -pl bench -am package -DskipTests; needs python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
alg=${1:-RS256}
top=${2:-40}
out=bench/target/jfr
mkdir -p "$out"
sed 's|control="method-sampling-java-interval">[0-9]* ms|control="method-sampling-java-interval">1 ms|' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$out/fast.jfc"
java -jar bench/target/benchmarks.jar 'VerificationBenchmark.jwtDropin$' -p alg="$alg" -f 1 -wi 3 -i 8 \
  -jvmArgsAppend "-XX:StartFlightRecording=settings=$out/fast.jfc,filename=$out/run.jfr -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
  | grep -E '^(Benchmark|VerificationBenchmark)'
jfr print --events jdk.ExecutionSample --stack-depth 96 "$out/run.jfr" > "$out/samples.txt"
python3 - "$out/samples.txt" "$top" <<'PY'
import re, sys, collections
text = open(sys.argv[1]).read()
inclusive, own, total = collections.Counter(), collections.Counter(), 0
for block in text.split("jdk.ExecutionSample")[1:]:
    frames = [re.sub(r"\(.*", "", l.strip()) for l in block.split("stackTrace = [", 1)[-1].split("\n")
              if l.startswith("    ") and "line:" in l or l.strip().endswith(")") and "." in l]
    frames = [f for f in frames if f and not f.startswith("startTime")]
    if not any(f.endswith("VerificationBenchmark.jwtDropin") for f in frames):
        continue
    total += 1
    cut = next(i for i, f in enumerate(frames) if f.endswith("VerificationBenchmark.jwtDropin"))
    for f in set(frames[:cut + 1]):
        inclusive[f] += 1
    own[frames[0]] += 1
print(f"{total} samples under VerificationBenchmark.jwtDropin")
print("inclusive %  method")
for f, n in inclusive.most_common(int(sys.argv[2])):
    print(f"{100 * n / total:10.1f}  {f}")
print("self %       method")
for f, n in own.most_common(15):
    print(f"{100 * n / total:10.1f}  {f}")
PY
