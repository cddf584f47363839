package org.fengqiao.custody;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger (migration h2/V21) refusing every UPDATE and DELETE on {@code custody_ledger}: the
 * ledger is append-only for the application's own database user too. PostgreSQL uses a plpgsql
 * trigger with the same effect.
 */
public class LedgerAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("custody_ledger is append-only: UPDATE and DELETE are refused", "42501");
    }
}
