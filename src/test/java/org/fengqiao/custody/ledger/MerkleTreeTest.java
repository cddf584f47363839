package org.fengqiao.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Known answers of RFC 9162 §2.1 (the reference vectors of the RFC 6962 implementation: eight
 * leaves "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162…6f).
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();
    static final String[] INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(HEX.parseHex(INPUTS[i])));
        }
        return leaves;
    }

    static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(HEX::formatHex).toList();
    }

    static List<byte[]> unhex(String... hashes) {
        return java.util.Arrays.stream(hashes).map(HEX::parseHex).toList();
    }

    @Test
    void rootsOfTheReferenceTrees() {
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.root(leaves(n)))).as("root of %d leaves", n).isEqualTo(ROOTS[n]);
            MerkleTree.Accumulator acc = new MerkleTree.Accumulator();
            leaves(n).forEach(acc::add);
            assertThat(HEX.formatHex(acc.root())).as("streamed root of %d leaves", n).isEqualTo(ROOTS[n]);
        }
    }

    @Test
    void inclusionProofsOfTheReferenceTrees() {
        Object[][] vectors = {
                {0, 8, new String[] {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
                {5, 8, new String[] {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
                {2, 3, new String[] {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
                {1, 5, new String[] {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
                {0, 1, new String[] {}}};
        for (Object[] v : vectors) {
            int index = (int) v[0];
            int size = (int) v[1];
            String[] expected = (String[]) v[2];
            List<byte[]> proof = MerkleTree.inclusionProof(leaves(size), index);
            assertThat(hex(proof)).as("PATH(%d, D[%d])", index, size).containsExactly(expected);
            assertThat(MerkleTree.verifyInclusion(index, size, leaves(size).get(index), unhex(expected),
                    HEX.parseHex(ROOTS[size]))).isTrue();
        }
    }

    @Test
    void consistencyProofsOfTheReferenceTrees() {
        Object[][] vectors = {
                {1, 1, new String[] {}},
                {1, 8, new String[] {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
                {6, 8, new String[] {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
                {2, 5, new String[] {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}}};
        for (Object[] v : vectors) {
            int m = (int) v[0];
            int n = (int) v[1];
            String[] expected = (String[]) v[2];
            assertThat(hex(MerkleTree.consistencyProof(leaves(n), m))).as("PROOF(%d, D[%d])", m, n).containsExactly(expected);
            assertThat(MerkleTree.verifyConsistency(m, n, HEX.parseHex(ROOTS[m]), HEX.parseHex(ROOTS[n]), unhex(expected)))
                    .as("verify PROOF(%d, D[%d])", m, n).isTrue();
        }
    }

    @Test
    void aWrongRootOrSizeFails() {
        List<byte[]> proof = MerkleTree.inclusionProof(leaves(8), 5);
        assertThat(MerkleTree.verifyInclusion(5, 8, leaves(8).get(5), proof, HEX.parseHex(ROOTS[7]))).isFalse();
        assertThat(MerkleTree.verifyInclusion(4, 8, leaves(8).get(5), proof, HEX.parseHex(ROOTS[8]))).isFalse();
        assertThat(MerkleTree.verifyInclusion(8, 8, leaves(8).get(5), proof, HEX.parseHex(ROOTS[8]))).isFalse();
        List<byte[]> consistency = MerkleTree.consistencyProof(leaves(8), 6);
        assertThat(MerkleTree.verifyConsistency(6, 8, HEX.parseHex(ROOTS[5]), HEX.parseHex(ROOTS[8]), consistency)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 8, HEX.parseHex(ROOTS[6]), HEX.parseHex(ROOTS[8]), consistency)).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, HEX.parseHex(ROOTS[6]), HEX.parseHex(ROOTS[8]), List.of())).isFalse();
    }
}
