// Configuration loading. One table (kKeys) describes every key: where it lives in Settings, its type and
// its checks. Loading, validation, provenance, listing and rendering all walk that table, so a key added
// to Settings needs one line here (and one entry in config/kiosk.example.toml, which a test enforces).

#include "kiosk/core/config/config_loader.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <variant>

#include <toml++/toml.h>

#include "kiosk/core/printer/printer_uri.hpp"
#include "kiosk/core/receipt/code_pattern.hpp"
#include "kiosk/core/dossier/follow_url.hpp"
#include "kiosk/core/api/backend_url.hpp"
#include "kiosk/core/common/file_reader.hpp"

namespace kiosk::core {
namespace {

// [SECTION] Key table --------------------------------------------------------------------------------

using StringList = std::vector<std::string>;
using Ref = std::variant<std::string*, int*, std::int64_t*, bool*, StringList*, CameraSource*, escpos::CutMode*,
                         Language*, LogLevel*, CameraPosition*, ScreenCorner*>;

template <class T>
constexpr bool kIsChoice = std::is_enum_v<T>;

/// Extra checks on a string value beyond its type.
enum class Format {
    Plain,           ///< any text
    Path,            ///< any text, no control characters
    HttpUrl,         ///< http(s)://host[:port][/path]; empty allowed
    LookupTemplate,  ///< https URL containing {code}; empty allowed (no QR code)
    TimeZone,        ///< an IANA zone name ("Asia/Ho_Chi_Minh"); whether it exists is checked at start
    PrinterUri,      ///< "" | usb:PATH | tcp://HOST:PORT | cups:QUEUE | file:PATH
    Regex,           ///< ECMAScript std::regex
    PinnedKey,       ///< "" or sha256//BASE64
    UrlPath,         ///< starts with '/'
    Host,            ///< list element: a bare host name
    Name,            ///< list element: a query parameter name
    KioskId,         ///< "" or 1..64 of A-Z a-z 0-9 . _ -
};

struct KeyDef {
    std::string_view key;  // "section.name"
    Ref (*ref)(Settings&);
    Format format = Format::Plain;
    std::int64_t min = 0;
    std::int64_t max = 0;                       // min == max == 0: no range check
    std::vector<std::string_view> choices = {};  // allowed strings
    std::vector<std::int64_t> intChoices = {};   // allowed integers
    bool secret = false;                        // never shown by listConfig
};

#define KIOSK_REF(member) [](Settings& s) -> Ref { return &s.member; }

const std::vector<KeyDef>& keyTable() {
    static const std::vector<KeyDef> keys = {
        {"office.name", KIOSK_REF(office.name)},
        {"office.address", KIOSK_REF(office.address)},
        {"office.help_line", KIOSK_REF(office.helpLine)},
        {"office.public_lookup_url", KIOSK_REF(office.publicLookupUrl), Format::LookupTemplate},
        {"office.time_zone", KIOSK_REF(office.timeZone), Format::TimeZone},
        {"language.default", KIOSK_REF(language.defaultLanguage)},
        {"receipt.code_pattern", KIOSK_REF(receipt.codePattern), Format::Regex},
        {"receipt.trusted_hosts", KIOSK_REF(receipt.trustedHosts), Format::Host},
        {"receipt.code_parameters", KIOSK_REF(receipt.codeParameters), Format::Name},
        {"receipt.token_path", KIOSK_REF(receipt.tokenPath), Format::UrlPath},
        {"receipt.token_parameter", KIOSK_REF(receipt.tokenParameter), Format::Name},
        {"receipt.citizen_id_parameters", KIOSK_REF(receipt.citizenIdParameters), Format::Name},
        {"backend.url", KIOSK_REF(backend.url), Format::HttpUrl},
        {"backend.allow_insecure_http", KIOSK_REF(backend.allowInsecureHttp)},
        {"backend.token_file", KIOSK_REF(backend.tokenFile), Format::Path},
        {"backend.ca_bundle", KIOSK_REF(backend.caBundle), Format::Path},
        {"backend.pinned_public_key", KIOSK_REF(backend.pinnedPublicKey), Format::PinnedKey},
        {"backend.client_cert", KIOSK_REF(backend.clientCert), Format::Path},
        {"backend.client_key", KIOSK_REF(backend.clientKey), Format::Path},
        {"backend.connect_timeout_ms", KIOSK_REF(backend.connectTimeoutMs), Format::Plain, 100, 60000},
        {"backend.total_timeout_ms", KIOSK_REF(backend.totalTimeoutMs), Format::Plain, 100, 120000},
        {"backend.max_response_bytes", KIOSK_REF(backend.maxResponseBytes), Format::Plain, 1024,
         std::int64_t{64} * 1024 * 1024},
        {"backend.retries", KIOSK_REF(backend.retries), Format::Plain, 0, 5},
        {"backend.retry_backoff_ms", KIOSK_REF(backend.retryBackoffMs), Format::Plain, 0, 5000},
        {"ui.fullscreen", KIOSK_REF(ui.fullscreen)},
        {"ui.hide_cursor", KIOSK_REF(ui.hideCursor)},
        {"ui.touch_target_px", KIOSK_REF(ui.touchTargetPx), Format::Plain, 48, 400},
        {"ui.large_text", KIOSK_REF(ui.largeText)},
        {"ui.high_contrast", KIOSK_REF(ui.highContrast)},
        {"ui.idle_timeout_s", KIOSK_REF(ui.idleTimeoutS), Format::Plain, 10, 3600},
        {"ui.idle_warning_s", KIOSK_REF(ui.idleWarningS), Format::Plain, 3, 300},
        {"ui.show_english_switch", KIOSK_REF(ui.showEnglishSwitch)},
        {"ui.camera_position", KIOSK_REF(ui.cameraPosition)},
        {"audio.enabled", KIOSK_REF(audio.enabled)},
        {"audio.volume", KIOSK_REF(audio.volume), Format::Plain, 0, 100},
        {"audio.rate_wpm", KIOSK_REF(audio.rateWpm), Format::Plain, 80, 300},
        {"printer.uri", KIOSK_REF(printer.uri), Format::PrinterUri},
        {"printer.width_dots", KIOSK_REF(printer.widthDots), Format::Plain, 0, 0, {}, {384, 576}},
        {"printer.print_applicant_name", KIOSK_REF(printer.printApplicantName)},
        {"printer.cut", KIOSK_REF(printer.cut)},
        {"printer.timeout_ms", KIOSK_REF(printer.timeoutMs), Format::Plain, 100, 120000},
        {"camera.source", KIOSK_REF(camera.source)},
        {"camera.device", KIOSK_REF(camera.device), Format::Path},
        {"camera.width", KIOSK_REF(camera.width), Format::Plain, 160, 7680},
        {"camera.height", KIOSK_REF(camera.height), Format::Plain, 120, 4320},
        {"camera.fps", KIOSK_REF(camera.fps), Format::Plain, 1, 120},
        {"camera.files_path", KIOSK_REF(camera.filesPath), Format::Path},
        {"camera.files_fps", KIOSK_REF(camera.filesFps), Format::Plain, 1, 120},
        {"camera.files_seconds_per_image", KIOSK_REF(camera.filesSecondsPerImage), Format::Plain, 1, 3600},
        {"camera.files_loop", KIOSK_REF(camera.filesLoop)},
        {"camera.preview", KIOSK_REF(camera.preview)},
        {"camera.max_image_pixels", KIOSK_REF(camera.maxImagePixels), Format::Plain, 10'000, 200'000'000},
        {"camera.max_image_bytes", KIOSK_REF(camera.maxImageBytes), Format::Plain, 1024,
         std::int64_t{512} * 1024 * 1024},
        {"scanner.wedge_enabled", KIOSK_REF(scanner.wedgeEnabled)},
        {"scanner.wedge_max_interkey_ms", KIOSK_REF(scanner.wedgeMaxInterkeyMs), Format::Plain, 1, 500},
        {"scanner.wedge_min_length", KIOSK_REF(scanner.wedgeMinLength), Format::Plain, 1, 256},
        {"scanner.evdev_device", KIOSK_REF(scanner.evdevDevice), Format::Path},
        {"scanner.evdev_grab", KIOSK_REF(scanner.evdevGrab)},
        {"scanner.serial_device", KIOSK_REF(scanner.serialDevice), Format::Path},
        {"scanner.serial_baud", KIOSK_REF(scanner.serialBaud), Format::Plain, 0, 0, {},
         {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400}},
        {"scanner.dedupe_seconds", KIOSK_REF(scanner.dedupeSeconds), Format::Plain, 0, 3600},
        {"staff.pin_file", KIOSK_REF(staff.pinFile), Format::Path},
        {"staff.max_attempts", KIOSK_REF(staff.maxAttempts), Format::Plain, 1, 100},
        {"staff.lockout_s", KIOSK_REF(staff.lockoutS), Format::Plain, 0, 86400},
        {"staff.idle_timeout_s", KIOSK_REF(staff.idleTimeoutS), Format::Plain, 15, 3600},
        {"staff.gesture_corner", KIOSK_REF(staff.gestureCorner)},
        {"staff.gesture_taps", KIOSK_REF(staff.gestureTaps), Format::Plain, 3, 10},
        {"staff.gesture_window_ms", KIOSK_REF(staff.gestureWindowMs), Format::Plain, 1000, 10000},
        {"staff.keyboard_shortcut", KIOSK_REF(staff.keyboardShortcut)},
        {"staff.poweroff_command", KIOSK_REF(staff.poweroffCommand), Format::Path},
        {"staff.reboot_command", KIOSK_REF(staff.rebootCommand), Format::Path},
        {"staff.audit_max_kb", KIOSK_REF(staff.auditMaxKb), Format::Plain, 16, 65536},
        {"provisioning.setup_screen", KIOSK_REF(provisioning.setupScreen)},
        {"operations.heartbeat_interval_s", KIOSK_REF(operations.heartbeatIntervalS), Format::Plain, 10, 86400},
        {"operations.kiosk_id", KIOSK_REF(operations.kioskId), Format::KioskId},
        {"operations.data_dir", KIOSK_REF(operations.dataDir), Format::Path},
        {"operations.log_dir", KIOSK_REF(operations.logDir), Format::Path},
        {"operations.log_level", KIOSK_REF(operations.logLevel)},
        // -- operations: metrics file and outbox (docs/operations.md)
        {"operations.metrics_file", KIOSK_REF(operations.metricsFile), Format::Path},
        {"operations.metrics_interval_s", KIOSK_REF(operations.metricsIntervalS), Format::Plain, 1, 3600},
        {"operations.outbox_max_messages", KIOSK_REF(operations.outboxMaxMessages), Format::Plain, 10, 1000000},
        {"operations.outbox_retry_max_s", KIOSK_REF(operations.outboxRetryMaxS), Format::Plain, 1, 3600},
        // -- end operations
        {"paths.assets_dir", KIOSK_REF(paths.assetsDir), Format::Path},
    };
    return keys;
}

#undef KIOSK_REF

const KeyDef* findKey(std::string_view key) {
    for (const KeyDef& def : keyTable()) {
        if (def.key == key) return &def;
    }
    return nullptr;
}

std::string_view sectionOf(std::string_view key) { return key.substr(0, key.find('.')); }

bool isSection(std::string_view name) {
    return std::ranges::any_of(keyTable(), [&](const KeyDef& d) { return sectionOf(d.key) == name; });
}

// Reading through a const Settings: the table hands out mutable pointers, but these callers only read.
Ref constRef(const KeyDef& def, const Settings& s) { return def.ref(const_cast<Settings&>(s)); }

// [SECTION] Suggestions --------------------------------------------------------------------------------

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = a[i - 1] == b[j - 1];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// The closest candidate, if close enough to be a plausible typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    std::string best;
    std::size_t bestDistance = std::string_view::npos;
    for (const std::string& c : candidates) {
        // The difference in length is a lower bound of the distance: a long unknown name (a fuzzer's,
        // or a pasted line) is not compared letter by letter with every key.
        const std::size_t lengthGap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
        if (lengthGap > limit) continue;
        const std::size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return bestDistance <= limit ? best : std::string{};
}

/// Keys that were read once and are not any more: a clear message rather than "unknown key".
std::string_view retiredKeyMessage(std::string_view key) {
    if (key == "staff.pin_hash") {
        return "no longer read: the PIN hash lives in the file staff.pin_file, which only the kiosk's user can "
               "read (a hash in a config file can be guessed offline); set it with `kiosk set-pin`";
    }
    return {};
}

std::string unknownKeyMessage(std::string_view section, std::string_view name) {
    std::vector<std::string> candidates;
    if (section.empty()) {
        for (const KeyDef& d : keyTable()) {
            std::string s{sectionOf(d.key)};
            if (std::ranges::find(candidates, s) == candidates.end()) candidates.push_back(s);
        }
    } else {
        for (const KeyDef& d : keyTable()) {
            if (sectionOf(d.key) == section) candidates.emplace_back(d.key.substr(section.size() + 1));
        }
    }
    std::string message = section.empty() ? "unknown section" : "unknown key";
    const std::string suggestion = closest(name, candidates);
    if (!suggestion.empty()) {
        message += "; did you mean '";
        message += section.empty() ? suggestion : std::string{section} + "." + suggestion;
        message += "'?";
    }
    return message;
}

// [SECTION] Value checks ----------------------------------------------------------------------------

bool hasControlChars(std::string_view s) {
    return std::ranges::any_of(s, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

/// What is wrong with a value, or nothing: every check below returns one.
using Problem = std::optional<std::string>;

bool isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_';
}

/// Host, or [IPv6], followed by an optional :port. @return what is wrong, or nothing
Problem checkHostPort(std::string_view hostPort, bool portRequired) {
    std::string_view host = hostPort;
    std::string_view port;
    if (host.starts_with('[')) {
        const auto close = host.find(']');
        if (close == std::string_view::npos) return "unterminated IPv6 address";
        port = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (host.empty()) return "missing host";
        if (!port.empty()) {
            if (port[0] != ':') return "unexpected text after the IPv6 address";
            port.remove_prefix(1);
        }
    } else {
        const auto colon = host.find(':');
        if (colon != std::string_view::npos) {
            port = host.substr(colon + 1);
            host = host.substr(0, colon);
        }
        if (host.empty()) return "missing host";
        if (!std::ranges::all_of(host, isHostChar)) return "invalid character in host name";
    }
    if (port.empty()) {
        if (portRequired || hostPort.ends_with(':')) return "missing port";
        return {};
    }
    int value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value < 1 || value > 65535) {
        return "port must be a number from 1 to 65535";
    }
    return {};
}

/// http(s)://host[:port][/path...]. @return what is wrong, or nothing
Problem checkHttpUrl(std::string_view url, bool httpsOnly) {
    std::string_view rest;
    if (url.starts_with("https://")) {
        rest = url.substr(8);
    } else if (url.starts_with("http://") && !httpsOnly) {
        rest = url.substr(7);
    } else {
        return httpsOnly ? "bad URL: must start with https://" : "bad URL: must start with http:// or https://";
    }
    if (std::ranges::any_of(url, [](char c) { return c == ' ' || static_cast<unsigned char>(c) < 0x20; })) {
        return "bad URL: contains spaces or control characters";
    }
    const auto end = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, end);
    if (authority.find('@') != std::string_view::npos) return "bad URL: user names in URLs are not allowed";
    if (Problem problem = checkHostPort(authority, false)) return "bad URL: " + *problem;
    return {};
}

// The printer backends' own parser (kiosk/core/printer/printer_uri.hpp): what passes here opens there.
Problem checkPrinterUri(std::string_view uri) {
    if (uri.empty()) return {};
    auto parsed = parsePrinterUri(uri);
    if (parsed) return std::nullopt;
    return "bad printer URI: " + parsed.error().message;
}

Problem checkString(const KeyDef& def, std::string_view value) {
    if (!def.choices.empty()) {
        if (std::ranges::find(def.choices, value) != def.choices.end()) return {};
        std::string message = "bad value '" + std::string{value} + "'; expected one of:";
        for (std::string_view c : def.choices) message += " " + std::string{c};
        return message;
    }
    switch (def.format) {
        case Format::Plain:
            return {};
        case Format::Path:
            return hasControlChars(value) ? Problem{"contains control characters"} : std::nullopt;
        case Format::HttpUrl:
            return value.empty() ? std::nullopt : checkHttpUrl(value, false);
        case Format::LookupTemplate:
            if (value.empty()) return {};
            if (Problem problem = checkHttpUrl(value, true)) return problem;
            return value.find("{code}") == std::string_view::npos ? Problem{"bad URL: must contain {code}"} : std::nullopt;
        case Format::TimeZone: {
            // Area/Location names of the tz database: letters, digits, '/', '_', '-', '+'. Whether the
            // zone exists is the system database's to say (platform/time_zone.hpp, at start).
            const bool ok = !value.empty() && value.size() <= 64 && value.front() != '/' &&
                            value.find("..") == std::string_view::npos &&
                            std::ranges::all_of(value, [](char c) {
                                return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                       c == '/' || c == '_' || c == '-' || c == '+';
                            });
            return ok ? std::nullopt : Problem{"not a time zone name (for example \"Asia/Ho_Chi_Minh\")"};
        }
        case Format::PrinterUri:
            return checkPrinterUri(value);
        case Format::Regex:
            // Compiled only to see whether it compiles, by the receipt reader's own function.
            if (auto compiled = compileCodePattern(value); !compiled) return std::move(compiled.error());
            return {};
        case Format::PinnedKey: {
            if (value.empty()) return {};
            constexpr std::string_view prefix = "sha256//";
            const std::string_view b64 = value.substr(std::min(value.size(), prefix.size()));
            const bool b64ok = std::ranges::all_of(b64, [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                       c == '/' || c == '=';
            });
            // A SHA-256 digest is 32 bytes: 44 base64 characters with padding.
            if (!value.starts_with(prefix) || b64.size() != 44 || !b64ok) {
                return "expected \"sha256//\" followed by the base64 SHA-256 of the public key (44 characters)";
            }
            return {};
        }
        case Format::UrlPath:
            return value.starts_with('/') && !hasControlChars(value) ? std::nullopt : Problem{"must start with '/'"};
        case Format::Host:
            if (value.empty() || !std::ranges::all_of(value, isHostChar)) {
                return "'" + std::string{value} + "' is not a host name (no scheme, port or path)";
            }
            return {};
        case Format::KioskId:
            if (value.size() > 64 || !std::ranges::all_of(value, [](char c) { return isHostChar(c); })) {
                return "a kiosk ID is up to 64 letters, digits, '.', '_' or '-'";
            }
            return {};
        case Format::Name:
            if (value.empty() || hasControlChars(value) ||
                value.find_first_of(" =&?#/") != std::string_view::npos) {
                return "'" + std::string{value} + "' is not a query parameter name";
            }
            return {};
    }
    return {};
}

// [SECTION] Shape limits checked before toml++ parses ------------------------------------------------

/// toml++ builds nested tables recursively: a header of 50,000 dotted parts overflowed the stack. The
/// kiosk's own keys need two parts ("section.key") and one array level; these caps leave room for
/// any sane file and bound the nesting toml++ can see to kMaxKeyParts + (kMaxBrackets + 1) *
/// (kMaxKeyParts + 1) levels, because every level comes from a key part or a bracket.
constexpr int kMaxKeyParts = 8;   ///< parts of one dotted key or table header
constexpr int kMaxBrackets = 8;   ///< arrays and inline tables open at once

/// Walks the text outside strings and comments. @return nothing when within the caps, else the problem
/// and the 1-based line in @p line.
Problem checkTomlShape(std::string_view text, int& line) {
    enum class In { Code, Comment, Basic, Literal, MultiBasic, MultiLiteral };
    In in = In::Code;
    int brackets = 0;
    int dots = 0;
    line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') ++line;
        switch (in) {
            case In::Comment:
                if (c == '\n') in = In::Code;
                continue;
            case In::Basic:
                if (c == '\\') ++i;  // skip the escaped character
                else if (c == '"' || c == '\n') in = In::Code;
                continue;
            case In::Literal:
                if (c == '\'' || c == '\n') in = In::Code;
                continue;
            case In::MultiBasic:
                if (c == '\\') {
                    if (i + 1 < text.size() && text[i + 1] == '\n') ++line;
                    ++i;
                } else if (text.substr(i, 3) == R"(""")") {
                    in = In::Code;
                    i += 2;
                }
                continue;
            case In::MultiLiteral:
                if (text.substr(i, 3) == "'''") {
                    in = In::Code;
                    i += 2;
                }
                continue;
            case In::Code:
                break;
        }
        switch (c) {
            case '#': in = In::Comment; break;
            case '"':
                if (text.substr(i, 3) == R"(""")") {
                    in = In::MultiBasic;
                    i += 2;
                } else {
                    in = In::Basic;
                }
                break;
            case '\'':
                if (text.substr(i, 3) == "'''") {
                    in = In::MultiLiteral;
                    i += 2;
                } else {
                    in = In::Literal;
                }
                break;
            case '[':
            case '{':
                if (++brackets > kMaxBrackets) {
                    return "arrays, inline tables or table headers nest deeper than " + std::to_string(kMaxBrackets) +
                           " levels";
                }
                dots = 0;
                break;
            case ']':
            case '}':
                brackets = std::max(0, brackets - 1);
                dots = 0;
                break;
            case '.':
                if (++dots >= kMaxKeyParts) {
                    return "a key or table header has more than " + std::to_string(kMaxKeyParts) + " dotted parts";
                }
                break;
            case '=':
            case ',':
            case '\n': dots = 0; break;
            default: break;
        }
    }
    return {};
}

std::string typeName(const toml::node& node) {
    std::ostringstream os;
    os << node.type();
    return os.str();
}

std::string expectedType(const Ref& ref) {
    return std::visit(
        [](auto* p) -> std::string {
            using T = std::remove_pointer_t<decltype(p)>;
            if constexpr (std::is_same_v<T, std::string>) return "a string";
            else if constexpr (std::is_same_v<T, bool>) return "true or false";
            else if constexpr (std::is_same_v<T, StringList>) return "an array of strings";
            else if constexpr (kIsChoice<T>) return "a string";
            else return "an integer";
        },
        ref);
}

/// A choice setting's value from its name, or the message `check-config` prints.
template <class E>
std::expected<E, std::string> parseChoiceValue(std::string_view name) {
    if (auto value = parseChoice<E>(name)) return *value;
    std::string message = "bad value '" + std::string{name} + "'; expected one of:";
    for (const auto& c : ChoiceTable<E>::values) message += " " + std::string{c.name};
    return std::unexpected(std::move(message));
}

/// Checks @p node against @p def and, when valid, stores it. @return what is wrong, or nothing
Problem assign(const KeyDef& def, const toml::node& node, Settings& settings) {
    const Ref ref = def.ref(settings);
    std::string wrongType = "wrong type: expected " + expectedType(ref) + ", got " + typeName(node);
    return std::visit(
        [&](auto* target) -> Problem {
            using T = std::remove_pointer_t<decltype(target)>;
            if constexpr (std::is_same_v<T, std::string>) {
                if (!node.is_string()) return wrongType;
                const std::string& value = node.as_string()->get();
                if (Problem problem = checkString(def, value)) return problem;
                *target = value;
            } else if constexpr (std::is_same_v<T, bool>) {
                if (!node.is_boolean()) return wrongType;
                *target = node.as_boolean()->get();
            } else if constexpr (kIsChoice<T>) {
                if (!node.is_string()) return wrongType;
                auto parsed = parseChoiceValue<T>(node.as_string()->get());
                if (!parsed) return parsed.error();
                *target = *parsed;
            } else if constexpr (std::is_same_v<T, StringList>) {
                if (!node.is_array()) return wrongType;
                StringList values;
                std::size_t index = 0;
                for (const toml::node& element : *node.as_array()) {
                    if (!element.is_string()) {
                        return "wrong type: element " + std::to_string(index) + " is " + typeName(element) +
                               ", expected a string";
                    }
                    const std::string& value = element.as_string()->get();
                    if (Problem problem = checkString(def, value)) return problem;
                    values.push_back(value);
                    ++index;
                }
                *target = std::move(values);
            } else {
                if (!node.is_integer()) return wrongType;
                const std::int64_t value = node.as_integer()->get();
                if (!def.intChoices.empty()) {
                    if (std::ranges::find(def.intChoices, value) == def.intChoices.end()) {
                        std::string message = "bad value " + std::to_string(value) + "; expected one of:";
                        for (std::int64_t c : def.intChoices) message += " " + std::to_string(c);
                        return message;
                    }
                } else if ((def.min != 0 || def.max != 0) && (value < def.min || value > def.max)) {
                    return "out of range: " + std::to_string(value) + " is not in " + std::to_string(def.min) +
                           ".." + std::to_string(def.max);
                }
                *target = static_cast<T>(value);
            }
            return {};
        },
        ref);
}

int lineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

std::string renderValue(const KeyDef& def, const Settings& settings) {
    std::ostringstream os;
    std::visit(
        [&](auto* p) {
            using T = std::remove_pointer_t<decltype(p)>;
            if constexpr (std::is_same_v<T, StringList>) {
                toml::array array;
                for (const std::string& s : *p) array.push_back(s);
                os << array;
            } else if constexpr (std::is_same_v<T, int>) {
                os << toml::value<std::int64_t>{*p};
            } else if constexpr (kIsChoice<T>) {
                os << toml::value<std::string>{std::string{choiceName(*p)}};
            } else {
                os << toml::value<T>{*p};
            }
        },
        constRef(def, settings));
    return os.str();
}

}  // namespace

// [SECTION] Public functions ------------------------------------------------------------------------

std::string_view toString(ConfigLayer layer) {
    switch (layer) {
        case ConfigLayer::Default: return "default";
        case ConfigLayer::Fleet: return "fleet";
        case ConfigLayer::Local: return "local";
        case ConfigLayer::CommandLine: return "command-line";
    }
    return "unknown";
}

std::string formatIssue(const ConfigIssue& issue) {
    return issue.file + ":" + std::to_string(issue.line) + ": " + issue.key + ": " + issue.message;
}

const std::vector<std::string>& knownConfigKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const KeyDef& def : keyTable()) out.emplace_back(def.key);
        return out;
    }();
    return keys;
}

LoadedSettings defaultSettings() {
    LoadedSettings loaded;
    for (const KeyDef& def : keyTable()) loaded.sources.emplace(std::string{def.key}, KeySource{});
    return loaded;
}

std::vector<ConfigIssue> applyConfigText(LoadedSettings& loaded, std::string_view text,
                                         std::string_view sourceName, ConfigLayer layer) {
    std::vector<ConfigIssue> issues;
    const std::string file{sourceName};
    if (text.size() > kMaxConfigFileBytes) {
        issues.push_back({file, 0, "(file)", "larger than the limit of " + std::to_string(kMaxConfigFileBytes) + " bytes"});
        return issues;
    }
    int shapeLine = 0;
    if (Problem problem = checkTomlShape(text, shapeLine)) {
        issues.push_back({file, shapeLine, "(syntax)", std::move(*problem)});
        return issues;
    }
    toml::table root;
    try {
        root = toml::parse(text, sourceName);
    } catch (const toml::parse_error& e) {
        issues.push_back({file, static_cast<int>(e.source().begin.line), "(syntax)",
                          "TOML syntax error: " + std::string{e.description()}});
        return issues;
    }
    for (auto&& [sectionKey, sectionNode] : root) {
        const std::string section{sectionKey.str()};
        const int sectionLine = static_cast<int>(sectionKey.source().begin.line);
        if (!isSection(section)) {
            issues.push_back({file, sectionLine, section, unknownKeyMessage({}, section)});
            continue;
        }
        const toml::table* table = sectionNode.as_table();
        if (table == nullptr) {
            issues.push_back({file, lineOf(sectionNode), section,
                              "wrong type: expected a table [" + section + "], got " + typeName(sectionNode)});
            continue;
        }
        for (auto&& [nameKey, valueNode] : *table) {
            const std::string key = section + "." + std::string{nameKey.str()};
            const int line = static_cast<int>(nameKey.source().begin.line);
            const KeyDef* def = findKey(key);
            if (def == nullptr) {
                const std::string_view retired = retiredKeyMessage(key);
                issues.push_back({file, line, key, retired.empty() ? unknownKeyMessage(section, nameKey.str()) : std::string{retired}});
                continue;
            }
            if (Problem problem = assign(*def, valueNode, loaded.settings)) {
                issues.push_back({file, line, key, std::move(*problem)});
                continue;
            }
            loaded.sources[key] = KeySource{layer, file, line};
        }
    }
    // toml++ tables are ordered by key, not by position: report in file order, as a reader expects.
    std::ranges::stable_sort(issues, {}, &ConfigIssue::line);
    return issues;
}

std::vector<ConfigIssue> applyOverride(LoadedSettings& loaded, std::string_view key, std::string_view value,
                                       std::string_view optionName) {
    const std::string option{optionName};
    const KeyDef* def = findKey(key);
    if (def == nullptr) return {{option, 0, std::string{key}, "unknown key"}};
    if (!std::holds_alternative<std::string*>(def->ref(loaded.settings))) {
        return {{option, 0, std::string{key}, "only text keys can be overridden on the command line"}};
    }
    if (Problem problem = checkString(*def, value)) {
        return {{option, 0, std::string{key}, std::move(*problem)}};
    }
    *std::get<std::string*>(def->ref(loaded.settings)) = std::string{value};
    loaded.sources[std::string{key}] = KeySource{ConfigLayer::CommandLine, option, 0};
    return {};
}

std::vector<ConfigIssue> crossCheck(const LoadedSettings& loaded) {
    std::vector<ConfigIssue> issues;
    const Settings& s = loaded.settings;
    // Attribute a problem between two keys to whichever was set in the higher layer (that is the edit
    // that broke it); ties go to the second key.
    auto report = [&](std::string_view a, std::string_view b, std::string message) {
        const KeySource& sa = loaded.sources.find(a)->second;
        const KeySource& sb = loaded.sources.find(b)->second;
        const bool useA = static_cast<int>(sa.layer) > static_cast<int>(sb.layer);
        const KeySource& src = useA ? sa : sb;
        issues.push_back({src.file.empty() ? std::string{"(defaults)"} : src.file, src.line,
                          std::string{useA ? a : b}, std::move(message)});
    };
    if (s.ui.idleWarningS >= s.ui.idleTimeoutS) {
        report("ui.idle_timeout_s", "ui.idle_warning_s", "idle_warning_s must be shorter than idle_timeout_s");
    }
    if (s.backend.totalTimeoutMs < s.backend.connectTimeoutMs) {
        report("backend.connect_timeout_ms", "backend.total_timeout_ms",
               "total_timeout_ms must not be shorter than connect_timeout_ms");
    }
    if (s.backend.retryBackoffMs >= s.backend.totalTimeoutMs) {
        report("backend.total_timeout_ms", "backend.retry_backoff_ms",
               "retry_backoff_ms must be shorter than total_timeout_ms (the citizen's whole wait)");
    }
    if (!s.backend.allowInsecureHttp && isPlainHttpToRemoteHost(s.backend.url)) {
        report("backend.allow_insecure_http", "backend.url",
               "plain http:// to a host other than loopback would send the device token in clear text; use "
               "https:// (or set backend.allow_insecure_http = true on a trusted network)");
    }
    if (s.backend.clientCert.empty() != s.backend.clientKey.empty()) {
        report("backend.client_cert", "backend.client_key", "client_cert and client_key must be set together");
    }
    if (s.camera.source == CameraSource::Files && s.camera.filesPath.empty()) {
        report("camera.source", "camera.files_path", "camera source \"files\" needs files_path");
    }
    if (s.receipt.trustedHosts.empty()) {
        report("receipt.trusted_hosts", "receipt.trusted_hosts", "at least one trusted host is needed");
    }
    if (s.receipt.codeParameters.empty()) {
        report("receipt.code_parameters", "receipt.code_parameters", "at least one code parameter is needed");
    }
    // The kiosk must read back the follow-up URL it prints and shows (its QR on a slip held under its
    // own camera): the same reader, with the same rules, must find the dossier code in it.
    if (!s.office.publicLookupUrl.empty()) {
        ReceiptRules anyCode = s.receipt;
        anyCode.codePattern = R"(.+)";  // the pattern itself is not the question here
        const std::string sample = "000.00.06.H56-231027-0361";
        const ReceiptReading back = readReceipt(followUrl(s.office.publicLookupUrl, sample), anyCode);
        const auto* code = std::get_if<DossierCode>(&back);
        if (code == nullptr || code->value != sample) {
            report("receipt.code_parameters", "office.public_lookup_url",
                   "the kiosk would not read its own follow-up URL back: its host must be in receipt.trusted_hosts "
                   "and the parameter holding {code} in receipt.code_parameters");
        }
    }
    return issues;
}

namespace {

/// Reads a layer file; a missing default-path file is not an error (returns no issues). Directories,
/// FIFOs, devices (/dev/zero), symlink loops and oversize files are refused before reading.
std::vector<ConfigIssue> applyFile(LoadedSettings& loaded, const std::string& path, bool mustExist,
                                   ConfigLayer layer) {
    auto text = readRegularFile(path, {.maxBytes = kMaxConfigFileBytes});
    if (!text) {
        if (text.error().kind == ErrorKind::NotFound && !mustExist) return {};
        return {{path, 0, "(file)", text.error().message}};
    }
    return applyConfigText(loaded, *text, path, layer);
}

}  // namespace

ConfigReport loadConfig(const ConfigFiles& files) {
    ConfigReport report{defaultSettings(), {}};
    auto append = [&](std::vector<ConfigIssue> more) {
        report.issues.insert(report.issues.end(), std::make_move_iterator(more.begin()),
                             std::make_move_iterator(more.end()));
    };
    append(applyFile(report.loaded, files.fleetFile, files.fleetExplicit, ConfigLayer::Fleet));
    if (files.useLocal) {
        append(applyFile(report.loaded, localFileFor(files, report.loaded.settings), files.localExplicit,
                         ConfigLayer::Local));
    }
    append(crossCheck(report.loaded));
    return report;
}

std::string localFileFor(const ConfigFiles& files, const Settings& afterFleet) {
    if (files.localExplicit || afterFleet.operations.dataDir.empty()) return files.localFile;
    return (std::filesystem::path(afterFleet.operations.dataDir) / "local.toml").string();
}

std::optional<ConfigKeyInfo> configKeyInfo(std::string_view key) {
    const KeyDef* def = findKey(key);
    if (def == nullptr) return std::nullopt;
    ConfigKeyInfo info;
    info.key = std::string{def->key};
    info.min = def->min;
    info.max = def->max;
    info.intChoices = def->intChoices;
    info.secret = def->secret;
    Settings probe;
    std::visit(
        [&](auto* p) {
            using T = std::remove_pointer_t<decltype(p)>;
            if constexpr (std::is_same_v<T, std::string>) info.type = ConfigValueType::Text;
            else if constexpr (std::is_same_v<T, bool>) info.type = ConfigValueType::Boolean;
            else if constexpr (std::is_same_v<T, StringList>) info.type = ConfigValueType::TextList;
            else if constexpr (kIsChoice<T>) {
                info.type = ConfigValueType::Choice;
                for (const auto& c : ChoiceTable<T>::values) info.choices.emplace_back(c.name);
            } else info.type = ConfigValueType::Integer;
        },
        def->ref(probe));
    return info;
}

std::vector<ConfigEntry> listConfig(const LoadedSettings& loaded) {
    std::vector<ConfigEntry> entries;
    for (const KeyDef& def : keyTable()) {
        std::string value = renderValue(def, loaded.settings);
        if (def.secret) value = std::get<std::string*>(constRef(def, loaded.settings))->empty() ? "(not set)" : "(set)";
        const auto it = loaded.sources.find(def.key);
        entries.push_back({std::string{def.key}, std::move(value), it != loaded.sources.end() ? it->second : KeySource{}});
    }
    return entries;
}

Result<std::string> renderOverrides(const Settings& settings, const std::vector<std::string>& keys) {
    toml::table root;
    // Sections and keys in documentation order whatever the order of @p keys, so diffs stay small.
    for (const std::string& key : keys) {
        if (findKey(key) == nullptr) return fail(ErrorKind::Config, "unknown configuration key '" + key + "'");
    }
    for (const KeyDef& def : keyTable()) {
        if (std::ranges::find(keys, def.key) == keys.end()) continue;
        const std::string section{sectionOf(def.key)};
        const std::string name{def.key.substr(section.size() + 1)};
        if (!root.contains(section)) root.insert(section, toml::table{});
        toml::table& table = *root[section].as_table();
        std::visit(
            [&](auto* p) {
                using T = std::remove_pointer_t<decltype(p)>;
                if constexpr (std::is_same_v<T, StringList>) {
                    toml::array array;
                    for (const std::string& s : *p) array.push_back(s);
                    table.insert_or_assign(name, std::move(array));
                } else if constexpr (std::is_same_v<T, int>) {
                    table.insert_or_assign(name, static_cast<std::int64_t>(*p));
                } else if constexpr (kIsChoice<T>) {
                    table.insert_or_assign(name, std::string{choiceName(*p)});
                } else {
                    table.insert_or_assign(name, *p);
                }
            },
            constRef(def, settings));
    }
    std::ostringstream os;
    os << "# Local overrides written by the kiosk's staff mode. Keys here win over the fleet file.\n";
    os << root << "\n";
    return os.str();
}

Result<LoadedSettings> loadSettings(const ConfigFiles& files) {
    ConfigReport report = loadConfig(files);
    if (report.ok()) return std::move(report.loaded);
    std::string message;
    for (const ConfigIssue& issue : report.issues) message += formatIssue(issue) + "\n";
    message.pop_back();
    return fail(ErrorKind::Config, std::move(message));
}

}  // namespace kiosk::core
