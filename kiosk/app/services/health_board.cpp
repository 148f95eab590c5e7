#include "kiosk/app/services/health_board.hpp"

namespace kiosk::app {

std::string_view toString(HealthArea area) {
    switch (area) {
        case HealthArea::Backend: return "backend";
        case HealthArea::Printer: return "printer";
        case HealthArea::Camera: return "camera";
        case HealthArea::Scanner: return "scanner";
        case HealthArea::Config: return "config";
        case HealthArea::Outbox: return "outbox";
    }
    return "unknown";
}

HealthBoard::HealthBoard() { m_state.startedAt = std::chrono::system_clock::now(); }

void HealthBoard::pushError(HealthArea area, std::string kind) {
    m_state.recentErrors.push_back(HealthError{area, std::move(kind), std::chrono::system_clock::now()});
    while (m_state.recentErrors.size() > kRecentErrors) m_state.recentErrors.pop_front();
}

// What any backend call teaches about the backend: reachable or not, how fast, the token accepted.
void HealthBoard::backendAnswer(std::optional<core::LookupErrorKind> failure, double ms) {
    using core::LookupErrorKind;
    const bool answered = !failure || *failure == LookupErrorKind::NotFound || *failure == LookupErrorKind::Unauthorized ||
                          *failure == LookupErrorKind::Server || *failure == LookupErrorKind::BadResponse;
    if (answered) {
        m_state.lastRoundTripMs = ms;
        m_state.lastBackendContact = std::chrono::system_clock::now();
    }
    if (!failure || *failure == LookupErrorKind::NotFound) {
        m_state.lastBackendError.reset();
        m_state.tokenAccepted = true;
        return;
    }
    m_state.lastBackendError = failure;
    if (*failure == LookupErrorKind::Unauthorized) m_state.tokenAccepted = false;
    pushError(HealthArea::Backend, std::string(core::toString(*failure)));
}

void HealthBoard::lookupFinished(std::optional<core::LookupErrorKind> failure, double ms) {
    if (failure && *failure == core::LookupErrorKind::Cancelled) return;
    std::lock_guard lock(m_mutex);
    if (!failure) {
        ++m_state.lookupsOk;
    } else if (*failure == core::LookupErrorKind::NotFound) {
        ++m_state.lookupsNotFound;
    } else {
        ++m_state.lookupFailures[static_cast<std::size_t>(*failure)];
    }
    std::size_t bucket = 0;
    while (bucket < kLatencyBucketsMs.size() && ms > kLatencyBucketsMs[bucket]) ++bucket;
    ++m_state.lookupLatencyBuckets[bucket];
    m_state.lookupLatencySumMs += ms;
    backendAnswer(failure, ms);
}

void HealthBoard::backendCallFinished(std::optional<core::LookupErrorKind> failure, double ms) {
    if (failure && *failure == core::LookupErrorKind::Cancelled) return;
    std::lock_guard lock(m_mutex);
    backendAnswer(failure, ms);
}

void HealthBoard::scanRead(ScanChannel channel) {
    std::lock_guard lock(m_mutex);
    ++m_state.scans[static_cast<std::size_t>(channel)];
}

void HealthBoard::printFinished(std::optional<core::PrintFailure> failure) {
    std::lock_guard lock(m_mutex);
    m_state.lastPrintAt = std::chrono::system_clock::now();
    m_state.lastPrintFailure = failure;
    if (!failure) {
        ++m_state.printsOk;
        return;
    }
    ++m_state.printFailures[static_cast<std::size_t>(*failure)];
    pushError(HealthArea::Printer, std::string(core::toString(*failure)));
}

void HealthBoard::errorSeen(HealthArea area, std::string_view kind) {
    std::lock_guard lock(m_mutex);
    pushError(area, std::string(kind));
}

void HealthBoard::setOutboxDepth(std::size_t depth) {
    std::lock_guard lock(m_mutex);
    m_state.outboxDepth = depth;
}

void HealthBoard::outboxDropped(std::size_t count) {
    std::lock_guard lock(m_mutex);
    m_state.outboxDropped += count;
}

HealthSnapshot HealthBoard::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_state;
}

}  // namespace kiosk::app
