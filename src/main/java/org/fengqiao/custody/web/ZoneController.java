package org.fengqiao.custody.web;

import java.util.List;

import org.fengqiao.custody.Zone;
import org.fengqiao.custody.Zones;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "涉案财物 property custody")
class ZoneController {

    private final Zones zones;

    ZoneController(Zones zones) {
        this.zones = zones;
    }

    @GetMapping(path = "/api/zones", produces = "application/json")
    @Operation(summary = "保管区 (zones with shelf locations; RESTRICTED = 专区 with its owner agency)")
    List<Zone> list() {
        return zones.all();
    }
}
