// makeHttpClient for platform_fake: a sample backend inside the process, so a kiosk built with
// KIOSK_PLATFORM=fake shows its whole citizen flow on a laptop with no network and no reference backend.
// It speaks the contract of docs/api/openapi.yaml for the calls the kiosk makes:
//   GET  /api/v1/dossiers/{code}        a sample dossier for any code (status from the code's last
//                                       digit: 0 -> 10, 1..9 -> 1..9); sequence 9999 -> 404
//   GET  /api/v1/receipt-tokens/{token} the code 000.00.06.H56-231027-0364 (a status 4 sample)
//   GET  /api/v1/guidance/catalog       404 (the bundled catalog is used)
//   POST /api/v1/ratings, /heartbeats   201 / 204
// Names are invented; nothing here is personal data.
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

#include "platform/fake/http_client_fake.hpp"

namespace platform {
namespace {

using nlohmann::json;

std::string isoIn(std::chrono::hours fromNow) {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + fromNow + std::chrono::hours(7));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:00+07:00", &tm);
    return buf;
}

HttpResponse jsonResponse(int status, const json& body) {
    HttpResponse r;
    r.status = status;
    r.contentType = "application/json; charset=utf-8";
    r.body = body.dump();
    return r;
}

HttpResponse errorResponse(int status, const char* kind, const char* message) {
    return jsonResponse(status, json{{"error", {{"kind", kind}, {"message", message}}}});
}

std::string percentDecodedTail(const std::string& url, std::string_view prefix) {
    const auto at = url.find(prefix);
    std::string out;
    const std::string tail = url.substr(at + prefix.size());
    for (std::size_t i = 0; i < tail.size(); ++i) {
        if (tail[i] == '%' && i + 2 < tail.size()) {
            out += static_cast<char>(std::stoi(tail.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += tail[i];
        }
    }
    return out;
}

json sampleDossier(const std::string& code) {
    const int last = code.empty() ? 4 : code.back() - '0';
    const int status = last == 0 ? 10 : (last >= 1 && last <= 9 ? last : 4);
    json d{{"code", code},
           {"status", status},
           {"procedure", {{"code", "1.001022"}, {"name", "Cấp bản sao trích lục hộ tịch"}}},
           {"agency", "UBND phường Mẫu"},
           {"applicant_name", "Nguyễn Văn Mẫu"},
           {"received_at", isoIn(std::chrono::hours(-72))},
           {"due_at", isoIn(std::chrono::hours(48))},
           {"history", json::array({{{"at", isoIn(std::chrono::hours(-72))}, {"unit", "Bộ phận Một cửa"}, {"action", "Tiếp nhận hồ sơ"}}})},
           {"missing_documents", json::array()},
           {"fees", json::array()},
           {"result_delivery", {{"online", false}, {"description", "Nhận trực tiếp tại Bộ phận Một cửa"}}},
           {"note", "Hồ sơ mẫu của nền tảng giả lập (KIOSK_PLATFORM=fake)."}};
    if (status == 5) d["missing_documents"] = json::array({{{"name", "Bản sao giấy khai sinh"}, {"note", ""}}});
    if (status == 6) d["fees"] = json::array({{{"description", "Lệ phí cấp bản sao"}, {"amount_vnd", 8000}, {"paid", false}}});
    return d;
}

std::expected<HttpResponse, HttpError> answer(const HttpRequest& request) {
    const std::string& url = request.url;
    if (request.method == "GET" && url.find("/api/v1/dossiers/") != std::string::npos) {
        const std::string code = percentDecodedTail(url, "/api/v1/dossiers/");
        if (code.ends_with("-9999")) return errorResponse(404, "not_found", "no such dossier");
        return jsonResponse(200, sampleDossier(code));
    }
    if (request.method == "GET" && url.find("/api/v1/receipt-tokens/") != std::string::npos) {
        return jsonResponse(200, json{{"code", "000.00.06.H56-231027-0364"}});
    }
    if (request.method == "POST" && url.find("/api/v1/ratings") != std::string::npos) return jsonResponse(201, json{{"accepted", true}});
    if (request.method == "POST" && url.find("/api/v1/heartbeats") != std::string::npos) {
        HttpResponse r;
        r.status = 204;
        return r;
    }
    return errorResponse(404, "not_found", "the sample backend has no such resource");
}

}  // namespace

std::unique_ptr<HttpClient> makeHttpClient() { return std::make_unique<FakeHttpClient>(answer); }

}  // namespace platform
