#pragma once
// Receipt reading: raw scanned or typed text -> a dossier code, a receipt token that the backend
// resolves, or "not a receipt" with a reason a citizen can understand.
//
// The text is normalised first (trim, drop whitespace, zero-width and control characters, upper-case,
// full-width digits to ASCII, NFC; capped at kMaxInputBytes), then validated against ReceiptRules.
// A citizen-ID query parameter (SGT and its like) is dropped at once: it is never stored in any
// returned value, so it cannot be logged or shown.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk::core {

/// What the kiosk accepts; filled from the [receipt] section of the configuration.
struct ReceiptRules {
    /// ECMAScript regex a normalised dossier code must match in full. Default: Thông tư 01/2018/TT-VPCP,
    /// `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` with a sequence of 4 or more digits.
    std::string codePattern = R"(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,})";
    /// Hosts whose lookup and token URLs are trusted (exact, case-insensitive match).
    std::vector<std::string> trustedHosts = {"dichvucong.gov.vn"};
    /// Query parameters of a lookup URL that carry the dossier code, tried in order. "ma" is the one
    /// of the default follow-up URL (office.public_lookup_url): the kiosk reads its own slips back.
    std::vector<std::string> codeParameters = {"MHS", "ma"};
    /// Path of token URLs on a trusted host, and the parameter that carries the token.
    std::string tokenPath = "/apiqr/qr";
    std::string tokenParameter = "id";
    /// Query parameters that carry a citizen ID number: dropped at once, never returned.
    std::vector<std::string> citizenIdParameters = {"SGT", "CCCD", "CMND", "soGiayTo"};
};

/// Longest input looked at; longer text is rejected as TooLong without being parsed.
inline constexpr std::size_t kMaxInputBytes = 2048;

struct DossierCode {
    std::string value;  ///< normalised, e.g. "000.00.06.H56-231027-0361"
    friend bool operator==(const DossierCode&, const DossierCode&) = default;
};

struct ReceiptToken {
    std::string value;  ///< opaque id from a token URL, resolved by the backend
    friend bool operator==(const ReceiptToken&, const ReceiptToken&) = default;
};

/// Why a text is not a receipt. Each reason has a citizen message in assets/i18n (receipt.<name>).
enum class NotReceiptReason {
    Empty,              ///< nothing left after normalisation
    TooLong,            ///< over kMaxInputBytes
    InvalidText,        ///< not valid UTF-8
    UnsupportedLink,    ///< a URL with a scheme other than http/https (javascript:, data:, ...)
    UntrustedHost,      ///< a URL from a host that is not configured
    NoCodeInLink,       ///< a trusted URL without a code or token parameter
    BadCodeFormat,      ///< text that does not match the dossier code pattern
};

struct NotAReceipt {
    NotReceiptReason reason;
    friend bool operator==(const NotAReceipt&, const NotAReceipt&) = default;
};

using ReceiptReading = std::variant<DossierCode, ReceiptToken, NotAReceipt>;

/// Stable name for JSON and translation keys: "empty", "too_long", "invalid_text",
/// "unsupported_link", "untrusted_host", "no_code_in_link", "bad_code_format".
std::string_view toString(NotReceiptReason reason);

/// Reads raw scanned or typed text. Pure and total: never throws on any input.
/// @param raw   the text as the scanner or keypad produced it (any bytes)
/// @param rules the configured patterns, hosts and parameter names
/// @return the dossier code, the token, or why it is not a receipt
ReceiptReading readReceipt(std::string_view raw, const ReceiptRules& rules);

/// Normalises typed or scanned text the way readReceipt does before validating it (exposed for
/// the manual-entry screen's live validation). Returns an empty string for invalid UTF-8.
std::string normalizeReceiptText(std::string_view raw);

/// @return true when `pattern` compiles as an ECMAScript regex (for configuration validation;
/// readReceipt treats an invalid pattern as "no code matches" instead of failing).
bool isValidCodePattern(const std::string& pattern);

}  // namespace kiosk::core
