#pragma once
// OutboxDelivery: the worker that sends the outbox's messages to the backend, oldest first, one at a
// time. A message leaves the outbox only after the backend answered 2xx (or refused it in a way that
// will never change: 400, 404, 409, 410, 413, 415, 422 — logged and counted as dropped). Anything else
// (no connection, a timeout, 401/403, 408, 429, 5xx) keeps it and waits: 1 s, 2 s, 4 s ... up to
// operations.outbox_retry_max_s, with ±20 % jitter so a fleet does not retry in step after an outage.
//
// Exactly once, as the backend counts: a message is removed after the answer, so a crash between the
// backend storing it and the removal sends it again after the restart, with the same Idempotency-Key,
// and the backend stores it once (docs/api/openapi.yaml).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/services/health_board.hpp"
#include "kiosk/app/services/outbox.hpp"

namespace kiosk::app {

/// What one delivery attempt came to.
enum class DeliveryOutcome {
    Empty,       ///< nothing was waiting
    Delivered,   ///< the backend took the oldest message; it is removed
    Rejected,    ///< the backend refused it for good; it is removed (logged, counted as dropped)
    RetryLater,  ///< no answer, or an answer that may change; the message stays
};

struct DeliveryResult {
    DeliveryOutcome outcome = DeliveryOutcome::Empty;
    std::optional<MessageKind> kind;            ///< the message tried
    std::optional<core::LookupErrorKind> error;  ///< RetryLater: why
    int httpStatus = 0;                          ///< the answer's status, 0 without one
};

/// One attempt at the oldest message: POSTed through `client` with its key; the outbox is updated by
/// the answer. Records the round trip and any drop on `health` (may be null).
DeliveryResult deliverOldest(Outbox& outbox, BackendClient& client, HealthBoard* health,
                             const std::atomic<bool>* cancel);

class OutboxDelivery {
public:
    struct Options {
        std::chrono::milliseconds firstRetry{1000};  ///< the wait after the first failure; doubles after each
        std::chrono::milliseconds maxRetry{60000};   ///< operations.outbox_retry_max_s
    };

    /// Starts the worker, which first sends whatever earlier runs left queued.
    /// @param outbox, client, health must outlive the worker
    OutboxDelivery(Outbox& outbox, BackendClient& client, HealthBoard& health, Options options);
    ~OutboxDelivery();  ///< stop()
    OutboxDelivery(const OutboxDelivery&) = delete;
    OutboxDelivery& operator=(const OutboxDelivery&) = delete;

    /// A message was queued (any thread): sent at once unless the worker is waiting out a failure.
    void wake();
    /// Cancels the request in flight (its message stays queued and goes again at the next start) and
    /// joins the worker. Idempotent.
    void stop();

private:
    void run(std::stop_token stop);
    std::chrono::milliseconds backoff(int failures);

    Outbox& m_outbox;
    BackendClient& m_client;
    HealthBoard& m_health;
    Options m_options;
    std::atomic<bool> m_cancel{false};
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    bool m_pending = true;  // guarded by m_mutex: something may be waiting (true: look at start)
    std::jthread m_thread;  // last: starts after the members above exist
};

}  // namespace kiosk::app
