package org.fengqiao.custody.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merkle tree hashing, inclusion and consistency proofs exactly as RFC 9162 §2.1 (Certificate
 * Transparency 2.0, SHA-256). Leaf hash {@code SHA-256(0x00 || data)}, node hash
 * {@code SHA-256(0x01 || left || right)}, the hash of the empty tree {@code SHA-256()}. Proofs are
 * computed over a list of leaf hashes; the verifying methods need only the proof and the roots,
 * so that an auditor (and {@link VerifyReceipt}) can check them with nothing else.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[n]) of the leaves whose hashes are given. */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : subtree(leafHashes, 0, leafHashes.size());
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1, n = the number of leaf hashes given. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf index " + index + " outside a tree of " + leafHashes.size());
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafHashes, index, 0, leafHashes.size(), proof);
        return proof;
    }

    /** PROOF(m, D[n]) of RFC 9162 §2.1.4.1 for 0 < m <= n. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int m) {
        if (m < 1 || m > leafHashes.size()) {
            throw new IllegalArgumentException("old size " + m + " outside 1.." + leafHashes.size());
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leafHashes, m, 0, leafHashes.size(), true, proof);
        return proof;
    }

    /** RFC 9162 §2.1.3.2. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || leafHash == null || root == null) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null || p.length != 32) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2; sizes 0 and equal sizes as the trivial cases (empty proof). */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0 || c == null || c.length != 32) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /**
     * The root of a growing tree without keeping its leaves: the hashes of its perfect subtrees
     * (a compact range), so that the root at any size is known while the ledger is streamed once.
     */
    public static final class Accumulator {

        private final List<byte[]> perfect = new ArrayList<>();
        private long size;

        public void add(byte[] leafHash) {
            byte[] h = leafHash;
            long s = size;
            while ((s & 1) == 1) {
                h = nodeHash(perfect.remove(perfect.size() - 1), h);
                s >>= 1;
            }
            perfect.add(h);
            size++;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (perfect.isEmpty()) {
                return emptyRoot();
            }
            byte[] r = perfect.get(perfect.size() - 1);
            for (int i = perfect.size() - 2; i >= 0; i--) {
                r = nodeHash(perfect.get(i), r);
            }
            return r;
        }
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(subtree(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, proof);
            proof.add(subtree(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(subtree(leaves, from, from + k));
        }
    }

    /** The largest power of two strictly smaller than n (n >= 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
