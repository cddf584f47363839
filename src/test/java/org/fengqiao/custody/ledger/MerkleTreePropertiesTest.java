package org.fengqiao.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of RFC 9162 proofs over trees of up to 300 leaves (leaf data: 32 bytes, as a ledger
 * entry's chain hash): every inclusion and consistency proof verifies against the trees' roots,
 * and flipping any bit of any proof element, of the leaf or of either root makes it fail.
 */
class MerkleTreePropertiesTest {

    static List<byte[]> leaves(int n, long seed) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] data = MerkleTree.sha256().digest(ByteBuffer.allocate(16).putLong(seed).putLong(i).array());
            leaves.add(MerkleTree.leafHash(data));
        }
        return leaves;
    }

    static byte[] flipped(byte[] b, int byteIndex, int bit) {
        byte[] copy = b.clone();
        copy[byteIndex % copy.length] ^= (byte) (1 << (bit & 7));
        return copy;
    }

    @Property(tries = 300)
    void everyInclusionProofVerifiesAndAnyFlippedByteFails(@ForAll @IntRange(min = 1, max = 300) int size,
                                                           @ForAll @IntRange(min = 0, max = 299) int index,
                                                           @ForAll long seed, @ForAll @IntRange(min = 0, max = 31) int at,
                                                           @ForAll @IntRange(min = 0, max = 7) int bit) {
        int i = index % size;
        List<byte[]> leaves = leaves(size, seed);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, i);
        assertThat(MerkleTree.verifyInclusion(i, size, leaves.get(i), proof, root)).isTrue();
        assertThat(MerkleTree.verifyInclusion(i, size, flipped(leaves.get(i), at, bit), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(i, size, leaves.get(i), proof, flipped(root, at, bit))).isFalse();
        for (int p = 0; p < proof.size(); p++) {
            List<byte[]> bad = new ArrayList<>(proof);
            bad.set(p, flipped(proof.get(p), at, bit));
            assertThat(MerkleTree.verifyInclusion(i, size, leaves.get(i), bad, root)).as("element %d flipped", p).isFalse();
        }
        if (!proof.isEmpty()) {
            assertThat(MerkleTree.verifyInclusion(i, size, leaves.get(i), proof.subList(0, proof.size() - 1), root)).isFalse();
        }
    }

    @Property(tries = 300)
    void everyConsistencyProofVerifiesAndAnyFlippedByteFails(@ForAll @IntRange(min = 1, max = 300) int newSize,
                                                             @ForAll @IntRange(min = 1, max = 300) int oldSize,
                                                             @ForAll long seed, @ForAll @IntRange(min = 0, max = 31) int at,
                                                             @ForAll @IntRange(min = 0, max = 7) int bit) {
        int m = 1 + (oldSize - 1) % newSize;
        List<byte[]> leaves = leaves(newSize, seed);
        byte[] oldRoot = MerkleTree.root(leaves.subList(0, m));
        byte[] newRoot = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, m);
        assertThat(MerkleTree.verifyConsistency(m, newSize, oldRoot, newRoot, proof)).isTrue();
        assertThat(MerkleTree.verifyConsistency(m, newSize, flipped(oldRoot, at, bit), newRoot, proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(m, newSize, oldRoot, flipped(newRoot, at, bit), proof)).isFalse();
        for (int p = 0; p < proof.size(); p++) {
            List<byte[]> bad = new ArrayList<>(proof);
            bad.set(p, flipped(proof.get(p), at, bit));
            assertThat(MerkleTree.verifyConsistency(m, newSize, oldRoot, newRoot, bad)).as("element %d flipped", p).isFalse();
        }
        // a different leaf anywhere in the old part makes the old tree inconsistent with the new one
        List<byte[]> forked = new ArrayList<>(leaves.subList(0, m));
        int changed = (at * 37 + bit) % m;
        forked.set(changed, flipped(forked.get(changed), at, bit));
        assertThat(MerkleTree.verifyConsistency(m, newSize, MerkleTree.root(forked), newRoot, proof)).isFalse();
    }

    @Property(tries = 100)
    void theStreamedRootEqualsTheRecursiveRootAtEverySize(@ForAll @IntRange(min = 0, max = 300) int size, @ForAll long seed) {
        List<byte[]> leaves = leaves(size, seed);
        MerkleTree.Accumulator acc = new MerkleTree.Accumulator();
        for (int n = 0; n <= size; n++) {
            assertThat(acc.root()).isEqualTo(MerkleTree.root(leaves.subList(0, n)));
            if (n < size) {
                acc.add(leaves.get(n));
            }
        }
    }
}
