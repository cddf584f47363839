package org.fengqiao.architecture;

import org.fengqiao.FengqiaoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Modules are the top-level packages; they may use each other's base package only (their public
 * surface), never another module's process/ or web/ internals, and may not depend in a cycle.
 */
class ModuleStructureTest {

    @Test
    void modulesOnlyUseEachOthersPublicSurfaceAndHaveNoCycles() {
        ApplicationModules.of(FengqiaoApplication.class).verify();
    }
}
