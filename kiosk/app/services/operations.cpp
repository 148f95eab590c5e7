// Operations: the outbox, its delivery, heartbeats and the metrics file. Logging rule: kinds, counts,
// paths; never a rating's dossier code.
#include "kiosk/app/services/operations.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "kiosk/core/common/atomic_file.hpp"

namespace kiosk::app {

std::string_view kioskVersion() { return KIOSK_VERSION; }

namespace {

// The first heartbeat a few seconds after the first frame: cameras and scanners have started (or
// failed) by then, so the office sees the devices' real state, not "starting".
constexpr auto kFirstHeartbeatDelay = std::chrono::seconds(5);

}  // namespace

Operations::Operations(const core::Settings& settings, BackendClient* backend, HealthBoard& health, std::string kioskId,
                       std::string instanceId, core::TimeZone zone)
    : m_settings(settings.operations), m_backendConfigured(!settings.backend.url.empty()), m_health(health),
      m_instanceId(std::move(instanceId)) {
    m_outbox = std::make_unique<Outbox>(std::filesystem::path(m_settings.dataDir) / "outbox.db",
                                        static_cast<std::size_t>(m_settings.outboxMaxMessages));
    const OutboxOpening& opened = m_outbox->opening();
    m_facts.kioskId = std::move(kioskId);
    m_facts.version = std::string(kioskVersion());
    m_facts.starts = opened.starts;
    m_facts.uncleanExits = opened.uncleanExits;
    m_facts.outboxDurable = opened.durable;
    m_facts.zone = std::move(zone);
    if (!opened.movedAside.empty()) m_health.errorSeen(HealthArea::Outbox, "moved_aside");
    if (!opened.durable) m_health.errorSeen(HealthArea::Outbox, "outbox_not_durable");
    if (opened.previousRunUnclean) {
        spdlog::warn("the previous run did not stop cleanly (crash, kill or watchdog); start {} on this machine",
                     opened.starts);
    }
    const std::size_t depth = m_outbox->depth();
    m_health.setOutboxDepth(depth);
    spdlog::info("outbox {}: {} messages waiting{}", m_outbox->file().string(), depth,
                 opened.durable ? "" : " (in memory: not durable)");
    if (backend != nullptr) {
        OutboxDelivery::Options options;
        options.maxRetry = std::chrono::seconds(std::max(1, m_settings.outboxRetryMaxS));
        options.firstRetry = std::min(options.firstRetry, options.maxRetry);
        m_delivery = std::make_unique<OutboxDelivery>(*m_outbox, *backend, m_health, options);
    } else if (depth > 0) {
        spdlog::warn("outbox: {} messages wait for a usable backend (backend.url, backend.token_file)", depth);
    }
}

Operations::~Operations() { stop(); }

bool Operations::queueRating(const core::Rating& rating) {
    if (!m_backendConfigured) {
        spdlog::info("rating not queued: no backend configured");
        return false;
    }
    auto queued = m_outbox->enqueue(MessageKind::Rating, rating.idempotencyKey, core::buildRatingJson(rating));
    if (!queued) {
        spdlog::error("rating not queued: {}", queued.error().message);
        m_health.errorSeen(HealthArea::Outbox, "write_failed");
        return false;
    }
    if (*queued > 0) {
        spdlog::warn("outbox full ({} messages): dropped the {} oldest", m_settings.outboxMaxMessages, *queued);
        m_health.outboxDropped(*queued);
        m_health.errorSeen(HealthArea::Outbox, "full");
    }
    m_health.setOutboxDepth(m_outbox->depth());
    if (m_delivery) m_delivery->wake();
    return true;
}

void Operations::startReporting(std::function<HealthSnapshot()> health, const FrameTimes& frames) {
    std::lock_guard lock(m_mutex);
    if (m_reporter.joinable() || m_stopped) return;
    m_healthOf = std::move(health);
    m_frames = &frames;
    m_reporter = std::jthread([this](std::stop_token stop) { report(stop); });
}

void Operations::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped) return;
        m_stopped = true;
    }
    m_reporter.request_stop();
    m_wake.notify_all();
    if (m_reporter.joinable()) m_reporter.join();  // writes the metrics a last time
    if (m_delivery) m_delivery->stop();
    m_outbox->markCleanStop();
}

void Operations::report(std::stop_token stop) {
    using Clock = std::chrono::steady_clock;
    const auto metricsEvery = std::chrono::seconds(std::max(1, m_settings.metricsIntervalS));
    const auto heartbeatEvery = std::chrono::seconds(std::max(1, m_settings.heartbeatIntervalS));
    auto nextMetrics = Clock::now();
    auto nextHeartbeat = Clock::now() + std::min<Clock::duration>(kFirstHeartbeatDelay, heartbeatEvery);
    while (!stop.stop_requested()) {
        const auto now = Clock::now();
        if (now >= nextMetrics) {
            writeMetrics();
            nextMetrics = now + metricsEvery;
        }
        if (m_backendConfigured && now >= nextHeartbeat) {
            queueHeartbeat();
            nextHeartbeat = now + heartbeatEvery;
        }
        const auto until = m_backendConfigured ? std::min(nextMetrics, nextHeartbeat) : nextMetrics;
        std::unique_lock lock(m_mutex);
        m_wake.wait_until(lock, stop, until, [] { return false; });
    }
    writeMetrics();  // the last figures of this run (a stopped kiosk's file then goes stale)
}

void Operations::writeMetrics() {
    if (m_settings.metricsFile.empty() || !m_frames) return;
    m_health.setOutboxDepth(m_outbox->depth());
    const std::string text = renderMetrics(m_healthOf(), m_facts, m_frames->snapshot(), std::chrono::system_clock::now());
    const std::filesystem::path file{m_settings.metricsFile};
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    // 0644: node_exporter's textfile collector reads it as another user.
    core::AtomicWriteOptions options;
    options.mode = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                   std::filesystem::perms::group_read | std::filesystem::perms::others_read;
    auto written = core::writeFileAtomically(file, text, options);
    if (!written && !m_metricsFailing) {
        spdlog::warn("metrics file not written: {} (retrying every {} s)", written.error().message,
                     m_settings.metricsIntervalS);
    } else if (written && m_metricsFailing) {
        spdlog::info("metrics file {} written again", file.string());
    }
    m_metricsFailing = !written;
}

void Operations::queueHeartbeat() {
    m_health.setOutboxDepth(m_outbox->depth());
    const core::Heartbeat heartbeat = buildHeartbeat(m_healthOf(), m_facts, std::chrono::system_clock::now());
    const std::string key = m_instanceId + "-hb-" + std::to_string(++m_heartbeats);
    auto queued = m_outbox->enqueue(MessageKind::Heartbeat, key, core::buildHeartbeatJson(heartbeat));
    if (!queued) {
        spdlog::warn("heartbeat not queued: {}", queued.error().message);
        return;
    }
    if (*queued > 0) {
        m_health.outboxDropped(*queued);
        m_health.errorSeen(HealthArea::Outbox, "full");
    }
    m_health.setOutboxDepth(m_outbox->depth());
    if (m_delivery) m_delivery->wake();
}

}  // namespace kiosk::app
