package org.fengqiao.dispute;

/** A party to a dispute. */
public record Party(String id, int seq, PartyRole role, PartyType type, String name, String idNumber, String phone,
                    String address) {
}
