// OutboxDelivery: the outbox's sender. Logging rule: kinds, ids, statuses and counts; never a body.
#include "kiosk/app/services/outbox_delivery.hpp"

#include <spdlog/spdlog.h>

#include <random>

namespace kiosk::app {
namespace {

// Statuses that will be the same however often the message is sent: it is malformed for this backend.
bool refusedForGood(int status) {
    switch (status) {
        case 400:
        case 404:
        case 405:
        case 409:
        case 410:
        case 413:
        case 415:
        case 422: return true;
        default: return false;
    }
}

}  // namespace

DeliveryResult deliverOldest(Outbox& outbox, BackendClient& client, HealthBoard* health,
                             const std::atomic<bool>* cancel) {
    DeliveryResult result;
    const std::optional<OutboxMessage> message = outbox.oldest();
    if (!message) return result;
    result.kind = message->kind;
    outbox.noteAttempt(message->id);
    const auto started = std::chrono::steady_clock::now();
    auto answer = client.postQueued(endpointOf(message->kind), message->body, message->idempotencyKey, cancel);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!answer) {
        result.outcome = DeliveryOutcome::RetryLater;
        result.error = answer.error().kind;
        if (health != nullptr) health->backendCallFinished(answer.error().kind, ms);
        return result;
    }
    result.httpStatus = *answer;
    if (*answer >= 200 && *answer < 300) {
        outbox.remove(message->id);
        if (health != nullptr) health->backendCallFinished(std::nullopt, ms);
        result.outcome = DeliveryOutcome::Delivered;
        spdlog::debug("outbox: {} {} delivered (http {}, attempt {}, {:.0f} ms)", toString(message->kind), message->id,
                      *answer, message->attempts + 1, ms);
        return result;
    }
    const core::LookupErrorKind kind = core::kindForHttpStatus(*answer);
    if (health != nullptr) health->backendCallFinished(kind, ms);
    if (refusedForGood(*answer)) {
        outbox.remove(message->id);
        if (health != nullptr) {
            health->outboxDropped(1);
            health->errorSeen(HealthArea::Outbox, "rejected");
        }
        spdlog::warn("outbox: {} {} refused by the backend (http {}); dropped", toString(message->kind), message->id,
                     *answer);
        result.outcome = DeliveryOutcome::Rejected;
        return result;
    }
    result.outcome = DeliveryOutcome::RetryLater;
    result.error = kind;
    return result;
}

OutboxDelivery::OutboxDelivery(Outbox& outbox, BackendClient& client, HealthBoard& health, Options options)
    : m_outbox(outbox), m_client(client), m_health(health), m_options(options),
      m_thread([this](std::stop_token stop) { run(stop); }) {}

OutboxDelivery::~OutboxDelivery() { stop(); }

void OutboxDelivery::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void OutboxDelivery::stop() {
    m_cancel = true;  // the request in flight gives up (libcurl's progress callback reads it)
    m_thread.request_stop();
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

std::chrono::milliseconds OutboxDelivery::backoff(int failures) {
    static thread_local std::minstd_rand random{static_cast<std::minstd_rand::result_type>(std::random_device{}())};
    std::chrono::milliseconds delay = m_options.firstRetry;
    for (int i = 1; i < failures && delay < m_options.maxRetry; ++i) delay *= 2;
    delay = std::min(delay, m_options.maxRetry);
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    return std::chrono::milliseconds{static_cast<std::int64_t>(static_cast<double>(delay.count()) * jitter(random))};
}

void OutboxDelivery::run(std::stop_token stop) {
    int failures = 0;
    int lastError = -1;  // the LookupErrorKind of the last failure, logged again only when it changes
    while (!stop.stop_requested()) {
        {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait(lock, stop, [this] { return m_pending; })) return;
            m_pending = false;
        }
        // Send until the outbox is empty or the backend stops taking messages.
        while (!stop.stop_requested()) {
            const DeliveryResult r = deliverOldest(m_outbox, m_client, &m_health, &m_cancel);
            m_health.setOutboxDepth(m_outbox.depth());
            if (r.outcome == DeliveryOutcome::Empty) break;
            if (r.outcome != DeliveryOutcome::RetryLater) {
                if (failures > 0) {
                    spdlog::info("outbox: the backend takes messages again after {} failed attempts", failures);
                }
                failures = 0;
                lastError = -1;
                continue;
            }
            if (stop.stop_requested()) return;  // cancelled by stop(): the message stays for the next start
            ++failures;
            const auto delay = backoff(failures);
            const int error = static_cast<int>(r.error.value_or(core::LookupErrorKind::Offline));
            if (failures == 1 || error != lastError) {
                spdlog::info("outbox: {} not delivered ({}{}); {} waiting, next attempt in {} ms", toString(*r.kind),
                             core::toString(*r.error), r.httpStatus != 0 ? fmt::format(", http {}", r.httpStatus) : "",
                             m_outbox.depth(), delay.count());
            }
            lastError = error;
            // The wait is not cut short by new messages (no burst against a backend that is down),
            // only by stop().
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, stop, delay, [] { return false; });
        }
    }
}

}  // namespace kiosk::app
