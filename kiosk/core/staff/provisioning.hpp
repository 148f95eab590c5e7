#pragma once
// Provisioning documents: what a new kiosk needs to join its office, written by a fleet admin as a
// small TOML in the configuration's own keys plus one table, and carried to the kiosk as a QR code
// (`kiosk provision-qr FILE.toml --out qr.png`, docs/staff.md):
//
//   [office]
//   name = "Bộ phận Một cửa UBND phường Tân Thạnh"
//   [operations]
//   kiosk_id = "tamky-tanthanh-01"
//   [backend]
//   url = "https://kiosk-api.quangnam.gov.vn"
//   [provisioning]
//   enrolment_code = "K7Q2-M9XD-4TPA"   # one-time; exchanged for the device token
//
// backend.url, operations.kiosk_id and provisioning.enrolment_code are required. Every other key is
// checked exactly as in a configuration file (same FILE:LINE: KEY: message); keys that cannot be
// local overrides (settings_editor.hpp) are refused. The enrolment code is the only secret it may
// hold: it works once, for a short time, and is never written to disk or to a log.
//
// The QR code holds "KIOSK-PROVISION:1:" and the document as unpadded base64url, so every camera
// and scanner reads it byte for byte (no character-set guessing for Vietnamese names).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/config/config_loader.hpp"

namespace kiosk::core {

inline constexpr std::string_view kProvisioningPrefix = "KIOSK-PROVISION:1:";

struct ProvisioningDocument {
    std::string enrolmentCode;         ///< the one-time code (secret; never logged)
    std::vector<std::string> keys;     ///< configuration keys the document sets, in documentation order
    std::string configToml;            ///< those keys as TOML, ready to merge into the local overrides
    Settings settings;                 ///< defaults with the document applied (for its values)
};

/// The outcome of reading a provisioning document: the document, or every problem found.
struct ProvisioningParse {
    std::optional<ProvisioningDocument> document;
    std::vector<ConfigIssue> issues;
};

/// Reads and checks a provisioning document.
/// @param text       the TOML text
/// @param sourceName file name for the issues ("provision.toml", "QR code")
ProvisioningParse parseProvisioning(std::string_view text, std::string_view sourceName);

/// The QR payload for a document's text: kProvisioningPrefix + base64url(text).
std::string encodeProvisioningPayload(std::string_view text);

/// True when scanned text is a provisioning payload (by its prefix).
bool isProvisioningPayload(std::string_view scanned);

/// The document text of a payload. @return the text, or an InvalidInput error
Result<std::string> decodeProvisioningPayload(std::string_view scanned);

/// True for an enrolment code the kiosk will send: 6..64 of A-Z a-z 0-9 and '-'.
bool isValidEnrolmentCode(std::string_view code);

}  // namespace kiosk::core
