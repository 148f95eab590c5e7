#pragma once
// The enrolment endpoint of kiosk-refbackend (POST /api/v1/enrolments, docs/api/openapi.yaml): a new
// kiosk trades a one-time code from its provisioning QR for a device token. Codes are given on the
// command line (--enrolment-code CODE[@SECONDS]); each works once and expires SECONDS after the
// backend starts (default one day; 0 = already expired, for tests). Issued tokens are then accepted
// like the --token one. Kept in memory: a restart forgets issued tokens, as a reference tool may.

#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace refbackend {

struct EnrolmentCode {
    std::string code;
    std::chrono::seconds lifetime{24 * 3600};
};

/// Parses "CODE" or "CODE@SECONDS". @return false with `error` set when it is not one
bool parseEnrolmentCode(std::string_view spec, EnrolmentCode& out, std::string& error);

class Enrolments {
public:
    Enrolments(std::vector<EnrolmentCode> codes, std::chrono::steady_clock::time_point start);

    struct Answer {
        int status = 0;
        std::string body;  ///< JSON: the token, or the contract's Error model
    };
    /// Handles one request body: 201 with a new token, 400 for a bad body, 404 unknown code, 409 code
    /// already used, 410 code expired.
    Answer enrol(std::string_view requestBody, std::chrono::steady_clock::time_point now);

    /// True when @p authorization is "Bearer TOKEN" for a token this backend issued.
    [[nodiscard]] bool accepts(std::string_view authorization) const;

private:
    struct Slot {
        EnrolmentCode code;
        bool used = false;
    };
    std::chrono::steady_clock::time_point m_start;
    mutable std::mutex m_mutex;
    std::vector<Slot> m_codes;       // guarded by m_mutex
    std::set<std::string> m_tokens;  // guarded by m_mutex
};

}  // namespace refbackend
