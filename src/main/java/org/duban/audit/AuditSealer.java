package org.duban.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chains committed audit entries: takes the entries without a chain position in sequence
 * order, and gives each the next position, the hash of the entry before it in the chain
 * and its own hash, in one transaction per batch under the chain's advisory lock (so
 * several instances, or a verification, never seal at the same time).
 *
 * <p>
 * A thread of its own does the work: a transaction that wrote entries wakes it once it
 * has committed, and it also looks every {@value #SWEEP_MILLIS} ms for entries nobody
 * woke it for (an instance that died between its commit and the sealing, entries written
 * by hand). Requests never wait for it; under load one round seals everything committed
 * since the last, so the chain costs one short transaction per round instead of a lock
 * held by every transaction until its commit.
 */
@Component
class AuditSealer implements SmartLifecycle {

    static final long CHAIN_LOCK = 7171001;
    static final int BATCH = 1000;

    private static final long SWEEP_MILLIS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    private final TransactionTemplate tx;

    private final AuditKey key;

    private final Object signal = new Object();

    private final Object oneRoundAtATime = new Object();

    private boolean requested = true;

    private volatile boolean running;

    private Thread worker;

    /** With the development key (the migration test builds one by hand). */
    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this(jdbc, batch, transactions, AuditKey.development());
    }

    @Autowired
    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, AuditKey key) {
        this.key = key;
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Wakes the sealer once the current transaction has committed (at once when there is
     * none).
     */
    void sealAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        if (TransactionSynchronizationManager.getSynchronizations()
            .stream()
            .noneMatch(WakeAfterCommit.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new WakeAfterCommit());
        }
    }

    private final class WakeAfterCommit implements TransactionSynchronization {

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                wake();
            }
        }

    }

    private void wake() {
        synchronized (signal) {
            requested = true;
            signal.notifyAll();
        }
    }

    /**
     * Seals everything committed and not yet sealed, on the calling thread; returns how
     * many entries it sealed.
     */
    int sealNow() {
        synchronized (oneRoundAtATime) {
            int total = 0;
            int sealed;
            do {
                sealed = tx.execute(status -> sealBatch());
                total += sealed;
            }
            while (sealed == BATCH);
            return total;
        }
    }

    private int sealBatch() {
        jdbc.sql("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").query().singleRow();
        // Read after taking the lock: a round that finished before sees its entries
        // sealed here.
        Map<String, Object> head = jdbc.sql("""
                select chain_pos, hash from audit_log where chain_pos is not null order by chain_pos desc limit 1
                """).query().listOfRows().stream().findFirst().orElse(null);
        long position = head == null ? 0 : ((Number) head.get("chain_pos")).longValue();
        String prevHash = head == null ? AuditTrail.GENESIS : (String) head.get("hash");
        List<AuditEntry> unsealed = jdbc
            .sql("select * from audit_log where chain_pos is null order by seq limit " + BATCH)
            .query((rs, n) -> AuditEntry.from(rs))
            .list();
        List<Object[]> seals = new ArrayList<>(unsealed.size());
        for (AuditEntry e : unsealed) {
            AuditEntry linked = new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.objectType(),
                    e.objectId(), e.oldValues(), e.newValues(), e.outcome(), prevHash, null);
            String hash = AuditTrail.hashOf(linked);
            ++position;
            // The MAC makes the chain keyed: a chain recomputed without the key after a
            // deletion does not verify.
            seals.add(new Object[] { position, prevHash, hash, key.mac(String.valueOf(position), hash), e.seq() });
            prevHash = hash;
        }
        if (!seals.isEmpty()) {
            batch.batchUpdate(
                    "update audit_log set chain_pos = ?, prev_hash = ?, hash = ?, mac = ? where seq = ? and chain_pos is null",
                    seals);
        }
        return seals.size();
    }

    private void work() {
        while (running) {
            synchronized (signal) {
                if (!requested) {
                    try {
                        signal.wait(SWEEP_MILLIS);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                requested = false;
            }
            if (!running) {
                return;
            }
            try {
                sealNow();
            }
            catch (RuntimeException e) {
                // The entries stay committed and unsealed; the next round takes them.
                log.warn("Sealing the audit log failed; will try again", e);
                try {
                    Thread.sleep(1_000);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::work, "audit-sealer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            worker.join(10_000);
            // What the last requests wrote, before the database goes away.
            sealNow();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException e) {
            log.warn("Final sealing of the audit log failed; the next start seals the rest", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Started before and stopped after the web server, so that the entries of its last
     * requests are sealed.
     */
    @Override
    public int getPhase() {
        return 0;
    }

}
