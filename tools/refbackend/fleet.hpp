#pragma once
// The fleet view of kiosk-refbackend: the latest heartbeat of every kiosk (POST /api/v1/heartbeats),
// listed as JSON (GET /fleet.json) and as a plain HTML page (GET /fleet) so an office sees which kiosk
// needs paper or is silent. Heartbeats hold kiosk names, states and counts, never personal data, so the
// pages need no device token (a browser has none); test heartbeats (`"test": true`) are not listed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace refbackend {

/// One kiosk's latest heartbeat as stored.
struct KioskHeartbeat {
    std::string kioskId;
    std::string body;            ///< the heartbeat JSON as received
    std::int64_t receivedAt = 0;  ///< Unix seconds
};

/// True when the heartbeat `incoming` should replace `stored`: its sent_at is not older (heartbeats
/// delivered late from a kiosk's outbox never overwrite a newer state). Unreadable times replace.
bool replacesStored(std::string_view incoming, std::string_view stored);

/// {"kiosks":[{"kiosk_id", "received_at", "age_s", "heartbeat"}...]}, sorted by kiosk_id.
std::string fleetJson(const std::vector<KioskHeartbeat>& kiosks, std::int64_t now);

/// A self-contained HTML page: one row per kiosk (age, version, printer, paper, camera, scanner,
/// backend, outbox depth, recent errors), paper out / near end and silent kiosks highlighted.
std::string fleetHtml(const std::vector<KioskHeartbeat>& kiosks, std::int64_t now);

}  // namespace refbackend
