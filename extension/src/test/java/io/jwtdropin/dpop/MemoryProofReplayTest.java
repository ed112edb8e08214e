package io.jwtdropin.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.RetainedHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The node-local proof-id store under a flood: bounded in entries and in heap, refusing rather than forgetting. */
class MemoryProofReplayTest {

    @Test
    // A full store once scanned every id on each refused proof: 900 000 scans of 100 000 ids, most of an hour.
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMillionLiveProofIdsStayWithinTheBoundAndTheExcessIsRefused() {
        MemoryProofReplay replay = new MemoryProofReplay(100_000);
        long before = 0;
        int full = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (i == 200_000) {
                before = RetainedHeap.bytes();
            }
            if (replay.record("proof-" + i, 1_000, 2_000) == ProofReplay.Use.FULL) {
                full++;
            }
        }
        long grown = RetainedHeap.bytes() - before;
        System.out.printf("bounds: 1M live DPoP proof ids, max 100000: %d kept, %d refused, retained heap %+.1f MiB%n",
                replay.size(), full, grown / 1048576.0);
        assertEquals(100_000, replay.size());
        assertEquals(900_000, full, "every id beyond the bound refused, none forgotten early");
        assertEquals(ProofReplay.Use.REPLAYED, replay.record("proof-7", 1_000, 2_000), "a kept id is still a replay");
        assertTrue(grown < 8L << 20, "retained heap grew by " + RetainedHeap.mib(grown));
    }

    @Test
    void expiredIdsMakeRoomAsTimePasses() {
        MemoryProofReplay replay = new MemoryProofReplay(10_000);
        // 100 proofs a second for almost three hours, each id remembered for 60 s: about 6 000 live at any time.
        for (int i = 0; i < 1_000_000; i++) {
            long now = i / 100;
            assertEquals(ProofReplay.Use.FIRST, replay.record("proof-" + i, now, now + 60));
        }
        assertTrue(replay.size() <= 10_000, "swept as they expire: " + replay.size());
    }
}
