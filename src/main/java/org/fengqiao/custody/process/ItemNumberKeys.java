package org.fengqiao.custody.process;

import org.fengqiao.shared.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up step (after the deployment, before the web server and the job executor): a database carried over from
 * before the 财物编号 became the item processes' business key gets its running instances rewritten from the item's
 * id to the item's number, once ({@link CustodyProcessGateway#itemNumbersAsBusinessKeysOnce}). Cockpit then lists
 * every running item instance by number; the gateway and the delegates still read an id-keyed instance
 * ({@link CustodyProcesses#itemIdOfBusinessKey}), so nothing depends on this having run.
 */
@Component
@Order(16)
public class ItemNumberKeys implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(ItemNumberKeys.class);

    private final CustodyProcessGateway gateway;

    ItemNumberKeys(CustodyProcessGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void run() {
        int rekeyed = gateway.itemNumbersAsBusinessKeysOnce();
        if (rekeyed > 0) {
            log.info("{} running custody process instances now carry their item's 财物编号 as business key", rekeyed);
        }
    }
}
