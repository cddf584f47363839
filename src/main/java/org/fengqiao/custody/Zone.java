package org.fengqiao.custody;

import java.util.List;

/** A storage zone with its shelf locations; a RESTRICTED zone (专区) has an owner agency. */
public record Zone(String id, String name, ZoneType type, String ownerAgencyId, List<String> locations) {

    public boolean restricted() {
        return type == ZoneType.RESTRICTED;
    }
}
