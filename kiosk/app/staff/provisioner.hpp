#pragma once
// Provisioning a kiosk from a checked provisioning document (kiosk/core/staff/provisioning.hpp):
//   1. merge the document's keys into the local overrides and check the whole configuration;
//   2. exchange the enrolment code for the device token (POST /api/v1/enrolments);
//   3. write the token (mode 0600), then the local overrides, each atomically;
//   4. audit it.
// The code is spent by step 2: a failure after it needs a new code, and the message says so.
// Blocking: call it on a worker.

#include <string>

#include "kiosk/app/staff/staff_files.hpp"
#include "kiosk/core/staff/settings_editor.hpp"
#include "platform/http_client.hpp"

namespace kiosk::app {

struct ProvisionOutcome {
    bool ok = false;
    std::string failure;  ///< a stable kind: "invalid", "write_failed" or an EnrolmentFailure name
    std::string message;  ///< for the log (never the code or the token)
    std::string kioskId;
};

/// @param documentText the provisioning document (TOML)
/// @param texts        the configuration files now
/// @param paths        where the token goes when the document names no backend.token_file
ProvisionOutcome provisionKiosk(const std::string& documentText, const core::ConfigTexts& texts, const StaffPaths& paths,
                                platform::HttpClient& http, AuditLog& audit);

}  // namespace kiosk::app
