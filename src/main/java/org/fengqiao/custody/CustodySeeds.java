package org.fengqiao.custody;

import org.fengqiao.shared.StartupStep;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.fengqiao.custody.process.CustodyWorkflow;
import org.fengqiao.shared.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Loads {@code seeds/demo/custody.yml}: the zones, then each demo case with its items driven to
 * their target status through the same operations the API uses (registration, hand-over,
 * inspection, loan, disposal), acting as the demo users. Idempotent: an existing case is skipped.
 */
@Component
@Order(30)
class CustodySeeds implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(CustodySeeds.class);

    record ZoneSeed(String id, String name, ZoneType type, String ownerAgencyId, List<String> locations) {
    }

    record ItemSeed(String name, PropertyCategory category, BigDecimal quantity, String unit, Measure measure,
                    BigDecimal valuation, Boolean evidenceUse, String description, ItemStatus target, String zoneId,
                    String location, String source, NewPropertyItem.Owner owner, List<String> sealedBy,
                    List<String> photoHashes) {
    }

    record CaseSeed(String agencyCaseNo, String caseName, CaseType caseType, String handlingAgencyId,
                    List<String> officerIds, String registeredBy, List<ItemSeed> items) {
    }

    record SeedFile(List<ZoneSeed> zones, List<CaseSeed> cases) {
    }

    private final CustodyManagement management;
    private final CustodyWorkflow workflow;
    private final Zones zones;
    private final PropertyCases cases;
    private final CustodyAccess access;
    private final ResourceLoader resources;
    private final boolean demo;
    private final String location;

    CustodySeeds(CustodyManagement management, CustodyWorkflow workflow, Zones zones,
                 PropertyCases cases, CustodyAccess access, ResourceLoader resources,
                 @Value("${fengqiao.seeds.demo:true}") boolean demo,
                 @Value("${fengqiao.seeds.location:classpath:seeds/}") String location) {
        this.management = management;
        this.workflow = workflow;
        this.zones = zones;
        this.cases = cases;
        this.access = access;
        this.resources = resources;
        this.demo = demo;
        this.location = location;
    }

    @Override
    public void run() throws IOException {
        if (!demo) {
            return;
        }
        SeedFile file;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = resources.getResource(location + "demo/custody.yml").getInputStream()) {
            file = yaml.readValue(in, SeedFile.class);
        }
        int order = 0;
        for (ZoneSeed z : file.zones()) {
            zones.save(new Zone(z.id(), z.name(), z.type(), z.ownerAgencyId(), z.locations()), order++);
        }
        int created = 0;
        for (CaseSeed c : file.cases()) {
            if (cases.findByAgencyCaseNo(c.agencyCaseNo()).isEmpty()) {
                seedCase(c);
                created++;
            }
        }
        log.info("Custody demo seeds: {} zones, {} new cases", file.zones().size(), created);
    }

    private Caller as(String userId) {
        return access.callerOf(userId, null);
    }

    private void seedCase(CaseSeed c) {
        Caller officer = as(c.registeredBy());
        PropertyCase propertyCase = management.openCase(officer, new NewPropertyCase(c.agencyCaseNo(), c.caseName(),
                c.caseType(), c.handlingAgencyId(), c.officerIds()));
        List<NewPropertyItem> commands = c.items().stream().map(i -> new NewPropertyItem(i.name(), i.category(),
                i.quantity(), i.unit(), i.measure(), i.valuation(), i.evidenceUse(), i.description(), i.source(), null,
                i.owner(), i.sealedBy(), i.photoHashes())).toList();
        List<PropertyItem> registered = workflow.register(officer, propertyCase.id(), commands);
        Caller custodian = as("custodian");
        Caller head = as("depthead");
        for (int n = 0; n < registered.size(); n++) {
            ItemSeed seed = c.items().get(n);
            String id = registered.get(n).id();
            ItemStatus target = seed.target();
            if (target == ItemStatus.PENDING_HANDOVER || target == ItemStatus.REGISTERED_NOT_HELD) {
                continue;
            }
            workflow.act(officer, id, "handover", Map.of("centreId", "rz-custody"));
            if (target == ItemStatus.HANDOVER_INSPECTION) {
                continue;
            }
            workflow.act(custodian, id, "inspection", Map.of("result", "PASS", "zoneId", seed.zoneId(),
                    "location", seed.location(), "condition", "完好，封存完整"));
            if (target == ItemStatus.ON_LOAN) {
                workflow.act(officer, id, "loan-request", Map.of("reason", "辨认", "plannedReturnAt",
                        management.now().plusDays(7).toString()));
                workflow.act(head, id, "loan-approval", Map.of("approved", true));
            } else if (target == ItemStatus.DISPOSED) {
                workflow.act(officer, id, "disposal-request", Map.of("disposalType", "DESTROY",
                        "legalBasisDocNo", "日公（刑）没字〔2026〕9号"));
                workflow.act(head, id, "disposal-approval", Map.of("approved", true));
                workflow.act(custodian, id, "disposal-execution", Map.of("executedBy", "custodian,custodian2",
                        "receiptNo", "XH-2026-0001"));
            }
        }
    }
}
