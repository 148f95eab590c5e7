#include "kiosk/core/staff/provisioning.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include <toml++/toml.h>

#include "kiosk/core/staff/settings_editor.hpp"
#include "kiosk/core/text/utf8.hpp"

namespace kiosk::core {
namespace {

constexpr std::string_view kCodeKey = "provisioning.enrolment_code";
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
// A QR code holds at most 2953 bytes; base64 grows the text by a third.
constexpr std::size_t kMaxDocumentBytes = 2048;

}  // namespace

bool isValidEnrolmentCode(std::string_view code) {
    return code.size() >= 6 && code.size() <= 64 && std::ranges::all_of(code, [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
           });
}

ProvisioningParse parseProvisioning(std::string_view text, std::string_view sourceName) {
    ProvisioningParse out;
    const std::string file{sourceName};
    if (text.size() > kMaxDocumentBytes) {
        out.issues.push_back({file, 0, "(file)", "too long for a QR code: " + std::to_string(text.size()) +
                                                     " bytes, at most " + std::to_string(kMaxDocumentBytes)});
        return out;
    }
    if (!text::isValidUtf8(text)) {
        out.issues.push_back({file, 0, "(file)", "not UTF-8 text"});
        return out;
    }
    // The configuration keys are checked by the loader itself; the one key that is not configuration
    // (the enrolment code) is taken out of its answer and checked here.
    LoadedSettings loaded = defaultSettings();
    for (ConfigIssue& issue : applyConfigText(loaded, text, sourceName, ConfigLayer::Local)) {
        if (issue.key != kCodeKey) out.issues.push_back(std::move(issue));
    }
    if (!out.issues.empty() && out.issues.front().key == "(syntax)") return out;

    ProvisioningDocument doc;
    int codeLine = 0;
    try {
        const toml::table root = toml::parse(text, sourceName);
        if (const auto* node = root.at_path(kCodeKey).node()) {
            codeLine = static_cast<int>(node->source().begin.line);
            if (const auto* s = node->as_string()) {
                doc.enrolmentCode = s->get();
                if (!isValidEnrolmentCode(doc.enrolmentCode)) {
                    out.issues.push_back({file, codeLine, std::string{kCodeKey}, "expected 6 to 64 letters, digits or '-'"});
                }
            } else {
                out.issues.push_back({file, codeLine, std::string{kCodeKey}, "wrong type: expected a string"});
            }
        }
    } catch (const toml::parse_error&) {
        return out;  // reported above
    }
    if (codeLine == 0) {
        out.issues.push_back({file, 0, std::string{kCodeKey}, "missing: the one-time enrolment code from the backend"});
    }
    for (const auto& [key, source] : loaded.sources) {
        if (source.layer != ConfigLayer::Local) continue;
        if (!localOverrideAllowed(key)) {
            out.issues.push_back({file, source.line, key, "cannot be set by provisioning (it locates the kiosk's own files)"});
            continue;
        }
        if (const auto info = configKeyInfo(key); info && info->secret) {
            out.issues.push_back({file, source.line, key, "a secret cannot travel in a provisioning QR code"});
            continue;
        }
        doc.keys.push_back(key);
    }
    const auto reported = [&](std::string_view key) { return std::ranges::any_of(out.issues, [&](const ConfigIssue& i) { return i.key == key; }); };
    if (loaded.settings.backend.url.empty() && !reported("backend.url")) {
        out.issues.push_back({file, 0, "backend.url", "missing: the backend the kiosk enrols with"});
    }
    if (loaded.settings.operations.kioskId.empty() && !reported("operations.kiosk_id")) {
        out.issues.push_back({file, 0, "operations.kiosk_id", "missing: this kiosk's ID"});
    }
    for (ConfigIssue& issue : crossCheck(loaded)) out.issues.push_back(std::move(issue));
    std::ranges::stable_sort(out.issues, {}, &ConfigIssue::line);
    if (!out.issues.empty()) return out;

    // renderOverrides walks the key table, so the keys come out in documentation order.
    const std::vector<std::string>& known = knownConfigKeys();
    std::ranges::sort(doc.keys, {}, [&](const std::string& k) { return std::ranges::find(known, k) - known.begin(); });
    auto rendered = renderOverrides(loaded.settings, doc.keys);
    if (!rendered) {
        out.issues.push_back({file, 0, "(file)", rendered.error().message});
        return out;
    }
    doc.configToml = std::move(*rendered);
    doc.settings = loaded.settings;
    out.document = std::move(doc);
    return out;
}

std::string encodeProvisioningPayload(std::string_view text) {
    std::string encoded(sodium_base64_ENCODED_LEN(text.size(), kBase64Variant), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                      kBase64Variant);
    encoded.resize(std::strlen(encoded.c_str()));
    return std::string{kProvisioningPrefix} + encoded;
}

bool isProvisioningPayload(std::string_view scanned) { return scanned.starts_with(kProvisioningPrefix); }

Result<std::string> decodeProvisioningPayload(std::string_view scanned) {
    if (!isProvisioningPayload(scanned)) return fail(ErrorKind::InvalidInput, "not a provisioning code");
    std::string_view b64 = scanned.substr(kProvisioningPrefix.size());
    while (!b64.empty() && (b64.back() == '\n' || b64.back() == '\r' || b64.back() == ' ')) b64.remove_suffix(1);
    if (b64.size() > kMaxDocumentBytes * 2) return fail(ErrorKind::InvalidInput, "provisioning code too long");
    std::string bytes(b64.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), b64.data(), b64.size(), nullptr,
                          &length, nullptr, kBase64Variant) != 0) {
        return fail(ErrorKind::InvalidInput, "the provisioning code is damaged (not base64url)");
    }
    bytes.resize(length);
    return bytes;
}

}  // namespace kiosk::core
