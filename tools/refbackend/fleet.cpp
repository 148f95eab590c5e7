#include "tools/refbackend/fleet.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "kiosk/core/api/iso_time.hpp"

namespace refbackend {
namespace {

using nlohmann::json;

// A kiosk silent for longer than this is marked (the default heartbeat interval is 5 minutes).
constexpr std::int64_t kSilentAfterSeconds = 15 * 60;

std::string escapeHtml(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string field(const json& object, const char* name) {
    if (!object.is_object() || !object.contains(name)) return "";
    const json& v = object[name];
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string age(std::int64_t seconds) {
    if (seconds < 120) return std::to_string(seconds) + " s";
    if (seconds < 7200) return std::to_string(seconds / 60) + " min";
    return std::to_string(seconds / 3600) + " h";
}

std::vector<KioskHeartbeat> sorted(std::vector<KioskHeartbeat> kiosks) {
    std::ranges::sort(kiosks, {}, &KioskHeartbeat::kioskId);
    return kiosks;
}

}  // namespace

bool replacesStored(std::string_view incoming, std::string_view stored) {
    const json a = json::parse(incoming, nullptr, false);
    const json b = json::parse(stored, nullptr, false);
    const auto newTime = kiosk::core::parseIsoTime(field(a, "sent_at"));
    const auto oldTime = kiosk::core::parseIsoTime(field(b, "sent_at"));
    if (!newTime || !oldTime) return true;
    return newTime->utc >= oldTime->utc;
}

std::string fleetJson(const std::vector<KioskHeartbeat>& kiosks, std::int64_t now) {
    json list = json::array();
    for (const KioskHeartbeat& k : sorted(kiosks)) {
        list.push_back({{"kiosk_id", k.kioskId},
                        {"received_at", k.receivedAt},
                        {"age_s", now - k.receivedAt},
                        {"heartbeat", json::parse(k.body, nullptr, false)}});
    }
    return json{{"kiosks", std::move(list)}}.dump();
}

std::string fleetHtml(const std::vector<KioskHeartbeat>& kiosks, std::int64_t now) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"30\">"
        "<title>Kiosks</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px 8px}.bad{background:#f8c0c0}.warn{background:#f8e8a0}"
        "</style></head><body>\n<h1>Kiosks</h1>\n<table>\n<tr><th>Kiosk</th><th>Last heartbeat</th><th>Version</th>"
        "<th>Printer</th><th>Paper</th><th>Camera</th><th>Scanner</th><th>Backend</th><th>Outbox</th>"
        "<th>Recent errors</th></tr>\n";
    for (const KioskHeartbeat& k : sorted(kiosks)) {
        const json hb = json::parse(k.body, nullptr, false);
        const json states = hb.is_object() && hb.contains("states") ? hb["states"] : json::object();
        const json counters = hb.is_object() && hb.contains("counters") ? hb["counters"] : json::object();
        const std::string paper = field(states, "paper");
        const std::string printer = field(states, "printer");
        auto cell = [](const std::string& text, const char* cls = nullptr) {
            return std::string("<td") + (cls != nullptr ? std::string(" class=\"") + cls + "\"" : "") + ">" +
                   escapeHtml(text) + "</td>";
        };
        const std::int64_t ageS = now - k.receivedAt;
        html += "<tr>" + cell(k.kioskId) + cell(age(ageS) + " ago", ageS > kSilentAfterSeconds ? "bad" : nullptr) +
                cell(field(hb, "version")) +
                cell(printer, printer == "ok" || printer == "none" ? nullptr : "bad") +
                cell(paper, paper == "out" ? "bad" : paper == "near_end" ? "warn" : nullptr) +
                cell(field(states, "camera")) + cell(field(states, "scanner")) + cell(field(states, "backend")) +
                cell(field(counters, "outbox_depth")) + cell(field(states, "last_errors")) + "</tr>\n";
    }
    html += "</table>\n<p>" + std::to_string(kiosks.size()) + " kiosks. This page refreshes every 30 s.</p>\n</body></html>\n";
    return html;
}

}  // namespace refbackend
