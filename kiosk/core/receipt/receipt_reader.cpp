// Receipt reading. Order matters: the length cap and UTF-8 check come first (cheap, and nothing else
// runs on hostile input); URLs are recognised on the cleaned but not yet upper-cased text, because the
// host is compared in lower case while the dossier code is upper-cased. Citizen-ID parameters are
// skipped by name before their value is even decoded, so it is never copied anywhere.

#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/core/receipt/code_pattern.hpp"
#include "kiosk/core/text/url_encoding.hpp"

#include "kiosk/core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <regex>

namespace kiosk::core {

namespace {

// [SECTION] character classes and normalisation

bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char asciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string asciiLowered(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(), asciiLower);
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::ranges::equal(a, b, [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

/// Code points a scanner or keyboard wedge may inject that carry no meaning in a code: whitespace of
/// every kind (U+3000 ideographic space included), C0/C1 controls, zero-width characters, BOM.
bool isDropped(char32_t cp) {
    if (cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0)) {
        return true;  // C0 controls, space, DEL, C1 controls, no-break space
    }
    switch (cp) {
        case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:  // spaces, separators
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:               // zero-width, BOM
        case 0x00AD: case 0x200E: case 0x200F:                                          // soft hyphen, LRM, RLM
            return true;
        default:
            break;
    }
    return (cp >= 0x2000 && cp <= 0x200A) ||  // en quad .. hair space
           (cp >= 0x202A && cp <= 0x202E) ||  // bidi embedding controls
           (cp >= 0x2066 && cp <= 0x2069);    // bidi isolates
}

/// Full-width ASCII variants (U+FF01..U+FF5E), which Vietnamese and CJK input methods produce, map to
/// ASCII by a fixed offset.
char32_t fromFullWidth(char32_t cp) { return (cp >= 0xFF01 && cp <= 0xFF5E) ? cp - 0xFEE0 : cp; }

/// Drops invisible characters, folds full-width forms and composes to NFC. Case is left alone.
/// @return std::nullopt for invalid UTF-8.
std::optional<std::string> clean(std::string_view raw) {
    if (!text::isValidUtf8(raw)) {
        return std::nullopt;
    }
    std::string kept;
    kept.reserve(raw.size());
    for (const char32_t cp : text::decode(raw)) {
        if (!isDropped(cp)) {
            text::append(kept, fromFullWidth(cp));
        }
    }
    return text::toNfc(kept);
}

std::string upperAscii(std::string s) {
    std::ranges::transform(s, s.begin(), asciiUpper);
    return s;
}

// [SECTION] the configured code pattern

/// A compiled pattern, or nothing when the configured pattern is not a valid ECMAScript regex.
struct CompiledPattern {
    std::string source;
    std::shared_ptr<const std::regex> regex;  // null: invalid pattern
};

/// Compiles each pattern once. The cache is per thread so that the decoder thread and the UI thread
/// never share a std::regex (and core needs no lock); it keeps the few patterns a kiosk ever uses.
std::shared_ptr<const std::regex> compiledPattern(const std::string& pattern) {
    thread_local std::vector<CompiledPattern> cache;
    for (const CompiledPattern& entry : cache) {
        if (entry.source == pattern) {
            return entry.regex;
        }
    }
    // An invalid pattern (config validation names the key) leaves null: every code fails to match.
    std::shared_ptr<const std::regex> regex;
    if (auto compiled = compileCodePattern(pattern)) regex = std::make_shared<const std::regex>(std::move(*compiled));
    constexpr std::size_t kMaxCached = 8;
    if (cache.size() >= kMaxCached) {
        cache.erase(cache.begin());
    }
    cache.push_back({pattern, regex});
    return regex;
}

ReceiptReading matchCode(const std::string& code, const ReceiptRules& rules) {
    const auto regex = compiledPattern(rules.codePattern);
    if (!regex || code.empty()) {
        return NotAReceipt{NotReceiptReason::BadCodeFormat};
    }
    try {
        if (std::regex_match(code, *regex)) {
            return DossierCode{code};
        }
    } catch (const std::regex_error&) {
        // A pathological configured pattern can exhaust libstdc++'s matcher; treat as no match.
        return NotAReceipt{NotReceiptReason::BadCodeFormat};
    }
    return NotAReceipt{NotReceiptReason::BadCodeFormat};
}

// [SECTION] URLs

/// `scheme:` prefix per RFC 3986 (letter, then letters, digits, + - .). Two letters at least, so that a
/// Windows drive letter or a one-letter code prefix is not taken for a scheme.
std::optional<std::string> schemeOf(std::string_view s) {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon < 2 || !isAsciiAlpha(s[0])) {
        return std::nullopt;
    }
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = s[i];
        if (!isAsciiAlpha(c) && !isAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
            return std::nullopt;
        }
    }
    return asciiLowered(s.substr(0, colon));
}

/// Host of an authority (`host[:port]`), lower-cased, or nothing when the authority is not one the kiosk
/// could trust: userinfo (`trusted@evil`), a bad port, or characters no DNS name has (percent escapes,
/// non-ASCII lookalikes).
std::optional<std::string> hostOf(std::string_view authority) {
    if (authority.find('@') != std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view host = authority;
    std::string_view port;
    if (!host.empty() && host.front() == '[') {  // IPv6 literal: trusted only if configured verbatim
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        port = host.substr(close + 1);
        host = host.substr(0, close + 1);
        if (!port.empty() && port.front() != ':') {
            return std::nullopt;
        }
    } else if (const std::size_t colon = host.find(':'); colon != std::string_view::npos) {
        port = host.substr(colon);
        host = host.substr(0, colon);
    }
    if (!port.empty()) {
        port.remove_prefix(1);
        if (port.empty() || port.size() > 5 || !std::ranges::all_of(port, isAsciiDigit) ||
            std::stoul(std::string(port)) > 65535) {
            return std::nullopt;
        }
    }
    std::string lowered = asciiLowered(host);
    if (!lowered.empty() && lowered.back() == '.') {
        lowered.pop_back();  // "host." is the same DNS name as "host"
    }
    if (lowered.empty()) {
        return std::nullopt;
    }
    if (lowered.front() != '[') {
        for (const char c : lowered) {
            if (!isAsciiAlpha(c) && !isAsciiDigit(c) && c != '-' && c != '.') {
                return std::nullopt;
            }
        }
    }
    return lowered;
}

bool isTrustedHost(const std::string& host, const ReceiptRules& rules) {
    return std::ranges::any_of(rules.trustedHosts, [&](const std::string& trusted) {
        std::string t = asciiLowered(trusted);
        if (!t.empty() && t.back() == '.') {
            t.pop_back();
        }
        return !t.empty() && t == host;
    });
}

bool isCitizenIdParameter(std::string_view name, const ReceiptRules& rules) {
    return std::ranges::any_of(rules.citizenIdParameters,
                               [&](const std::string& p) { return equalsIgnoreCase(name, p); });
}

/// One query parameter: the name decoded, the value still encoded (decoded only when it is used).
struct QueryParameter {
    std::string name;
    std::string_view encodedValue;
};

/// Splits a query into parameters, leaving out every citizen-ID parameter at once.
std::vector<QueryParameter> parseQuery(std::string_view query, const ReceiptRules& rules) {
    std::vector<QueryParameter> params;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const std::size_t eq = pair.find('=');
        std::optional<std::string> name = percentDecode(pair.substr(0, eq));
        if (!name || isCitizenIdParameter(*name, rules)) {
            continue;
        }
        params.push_back({std::move(*name), eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1)});
    }
    return params;
}

bool isSaneToken(std::string_view token) {
    constexpr std::size_t kMaxTokenLength = 128;
    return !token.empty() && token.size() <= kMaxTokenLength && std::ranges::all_of(token, [](char c) {
        return isAsciiAlpha(c) || isAsciiDigit(c) || c == '-';
    });
}

std::string_view withoutTrailingSlash(std::string_view path) {
    if (path.size() > 1 && path.back() == '/') {
        path.remove_suffix(1);
    }
    return path;
}

/// `rest` is everything after "http:" or "https:".
ReceiptReading readUrl(std::string_view rest, const ReceiptRules& rules) {
    // Browsers treat '\' like '/' in http URLs, which lets "trusted\@evil" point elsewhere: refuse it.
    if (!rest.starts_with("//") || rest.find('\\') != std::string_view::npos) {
        return NotAReceipt{NotReceiptReason::UntrustedHost};
    }
    rest.remove_prefix(2);
    const std::size_t authorityEnd = rest.find_first_of("/?#");
    const std::optional<std::string> host = hostOf(rest.substr(0, authorityEnd));
    if (!host || !isTrustedHost(*host, rules)) {
        return NotAReceipt{NotReceiptReason::UntrustedHost};
    }
    rest = authorityEnd == std::string_view::npos ? std::string_view{} : rest.substr(authorityEnd);
    rest = rest.substr(0, rest.find('#'));  // the fragment never reaches the server: ignore it
    const std::size_t question = rest.find('?');
    const std::string_view path = rest.substr(0, question);
    const std::string_view query = question == std::string_view::npos ? std::string_view{} : rest.substr(question + 1);
    const std::vector<QueryParameter> params = parseQuery(query, rules);

    auto valueOf = [&](std::string_view name) -> std::optional<std::string_view> {
        for (const QueryParameter& p : params) {
            if (equalsIgnoreCase(p.name, name) && !p.encodedValue.empty()) {
                return p.encodedValue;
            }
        }
        return std::nullopt;
    };

    for (const std::string& name : rules.codeParameters) {
        if (isCitizenIdParameter(name, rules)) {
            continue;  // a misconfiguration must not turn a citizen ID into a "code"
        }
        if (const auto encoded = valueOf(name)) {
            const std::optional<std::string> decoded = percentDecode(*encoded);
            if (!decoded) {
                return NotAReceipt{NotReceiptReason::BadCodeFormat};
            }
            if (!text::isValidUtf8(*decoded)) {
                return NotAReceipt{NotReceiptReason::InvalidText};
            }
            return matchCode(normalizeReceiptText(*decoded), rules);
        }
    }
    if (!rules.tokenPath.empty() && !rules.tokenParameter.empty() &&
        withoutTrailingSlash(path) == withoutTrailingSlash(rules.tokenPath)) {
        if (const auto encoded = valueOf(rules.tokenParameter)) {
            const std::optional<std::string> token = percentDecode(*encoded);
            if (!token || !isSaneToken(*token)) {
                return NotAReceipt{NotReceiptReason::BadCodeFormat};
            }
            return ReceiptToken{*token};
        }
    }
    return NotAReceipt{NotReceiptReason::NoCodeInLink};
}

}  // namespace

std::string_view toString(NotReceiptReason reason) {
    switch (reason) {
        case NotReceiptReason::Empty: return "empty";
        case NotReceiptReason::TooLong: return "too_long";
        case NotReceiptReason::InvalidText: return "invalid_text";
        case NotReceiptReason::UnsupportedLink: return "unsupported_link";
        case NotReceiptReason::UntrustedHost: return "untrusted_host";
        case NotReceiptReason::NoCodeInLink: return "no_code_in_link";
        case NotReceiptReason::BadCodeFormat: return "bad_code_format";
    }
    return "bad_code_format";  // unreachable for valid enum values; keeps -Wreturn-type quiet
}

std::string normalizeReceiptText(std::string_view raw) {
    const std::optional<std::string> cleaned = clean(raw);
    return cleaned ? upperAscii(*cleaned) : std::string{};
}

bool isValidCodePattern(const std::string& pattern) {
    return compiledPattern(pattern) != nullptr;
}

ReceiptReading readReceipt(std::string_view raw, const ReceiptRules& rules) {
    if (raw.size() > kMaxInputBytes) {
        return NotAReceipt{NotReceiptReason::TooLong};
    }
    const std::optional<std::string> cleaned = clean(raw);
    if (!cleaned) {
        return NotAReceipt{NotReceiptReason::InvalidText};
    }
    if (cleaned->empty()) {
        return NotAReceipt{NotReceiptReason::Empty};
    }
    if (const std::optional<std::string> scheme = schemeOf(*cleaned)) {
        if (*scheme != "http" && *scheme != "https") {
            return NotAReceipt{NotReceiptReason::UnsupportedLink};
        }
        return readUrl(std::string_view(*cleaned).substr(scheme->size() + 1), rules);
    }
    return matchCode(upperAscii(*cleaned), rules);
}

}  // namespace kiosk::core
