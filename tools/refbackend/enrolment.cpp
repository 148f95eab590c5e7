#include "tools/refbackend/enrolment.hpp"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <charconv>

#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/staff/provisioning.hpp"

namespace refbackend {
namespace {

using nlohmann::json;

std::string newToken() {
    unsigned char bytes[24];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no random bytes for a token");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token = "dev-";
    for (const unsigned char b : bytes) {
        token += kHex[b >> 4];
        token += kHex[b & 15];
    }
    return token;
}

}  // namespace

bool parseEnrolmentCode(std::string_view spec, EnrolmentCode& out, std::string& error) {
    const auto at = spec.find('@');
    out.code = std::string{spec.substr(0, at)};
    if (!kiosk::core::isValidEnrolmentCode(out.code)) {
        error = "an enrolment code is 6 to 64 letters, digits or '-'";
        return false;
    }
    if (at != std::string_view::npos) {
        const std::string_view seconds = spec.substr(at + 1);
        long long value = -1;
        const auto [end, ec] = std::from_chars(seconds.data(), seconds.data() + seconds.size(), value);
        if (ec != std::errc{} || end != seconds.data() + seconds.size() || value < 0) {
            error = "expected CODE@SECONDS with SECONDS >= 0";
            return false;
        }
        out.lifetime = std::chrono::seconds(value);
    }
    return true;
}

Enrolments::Enrolments(std::vector<EnrolmentCode> codes, std::chrono::steady_clock::time_point start) : m_start(start) {
    for (auto& c : codes) m_codes.push_back(Slot{std::move(c), false});
}

Enrolments::Answer Enrolments::enrol(std::string_view requestBody, std::chrono::steady_clock::time_point now) {
    const json body = json::parse(requestBody, nullptr, false);
    if (!body.is_object() || !body.contains("enrolment_code") || !body["enrolment_code"].is_string() ||
        !body.contains("kiosk_id") || !body["kiosk_id"].is_string() || body["kiosk_id"].get<std::string>().empty() ||
        body["kiosk_id"].get<std::string>().size() > 64) {
        return {400, kiosk::core::errorBodyJson("invalid", "body needs enrolment_code and kiosk_id (1..64 characters)")};
    }
    const std::string code = body["enrolment_code"].get<std::string>();
    const std::string kioskId = body["kiosk_id"].get<std::string>();
    std::lock_guard lock(m_mutex);
    for (Slot& slot : m_codes) {
        if (slot.code.code != code) continue;
        if (slot.used) return {409, kiosk::core::errorBodyJson("enrolment_used", "this enrolment code was used already")};
        if (now - m_start >= slot.code.lifetime) {
            return {410, kiosk::core::errorBodyJson("enrolment_expired", "this enrolment code has expired")};
        }
        slot.used = true;
        const std::string token = newToken();
        m_tokens.insert(token);
        return {201, json{{"device_token", token}, {"kiosk_id", kioskId}}.dump()};
    }
    return {404, kiosk::core::errorBodyJson("not_found", "unknown enrolment code")};
}

bool Enrolments::accepts(std::string_view authorization) const {
    if (!authorization.starts_with("Bearer ")) return false;
    std::lock_guard lock(m_mutex);
    return m_tokens.contains(std::string{authorization.substr(7)});
}

}  // namespace refbackend
