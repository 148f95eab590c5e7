#include "kiosk/app/staff/provisioner.hpp"

#include <spdlog/spdlog.h>

#include <sstream>

#include <toml++/toml.h>

#include "kiosk/app/staff/enrolment_client.hpp"
#include "kiosk/core/common/atomic_file.hpp"
#include "kiosk/core/staff/provisioning.hpp"

namespace kiosk::app {
namespace {

core::AuditEntry entry(core::AuditAction action, std::string detail) {
    core::AuditEntry e;
    e.at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    e.action = action;
    e.detail = std::move(detail);
    return e;
}

ProvisionOutcome failed(AuditLog& audit, std::string failure, std::string message) {
    spdlog::error("provisioning failed ({}): {}", failure, message);
    audit.append(entry(core::AuditAction::ProvisioningFailed, failure));
    return ProvisionOutcome{false, std::move(failure), std::move(message), {}};
}

}  // namespace

ProvisionOutcome provisionKiosk(const std::string& documentText, const core::ConfigTexts& texts, const StaffPaths& paths,
                                platform::HttpClient& http, AuditLog& audit) {
    const core::ProvisioningParse parsed = core::parseProvisioning(documentText, "provisioning");
    if (!parsed.document) {
        return failed(audit, "invalid", parsed.issues.empty() ? "unreadable" : core::formatIssue(parsed.issues.front()));
    }
    const core::ProvisioningDocument& doc = *parsed.document;

    // The token goes where the document says, else into the data folder; the local file names it.
    std::string tokenFile = doc.settings.backend.tokenFile;
    std::string config = doc.configToml;
    if (tokenFile.empty()) {
        tokenFile = paths.defaultTokenFile.string();
        toml::table table = toml::parse(config);
        table["backend"].as_table()->insert_or_assign("token_file", tokenFile);
        std::ostringstream os;
        os << table << "\n";
        config = os.str();
    }
    core::SavePlan plan = core::planLocalMerge(texts, config, "provisioning");
    if (!plan.ok()) {
        std::string problem = !plan.otherProblems.empty() ? plan.otherProblems.front()
                                                          : plan.problems.begin()->first + ": " + plan.problems.begin()->second;
        return failed(audit, "invalid", problem);
    }

    auto token = enrolKiosk(http, plan.result.settings.backend, doc.enrolmentCode, doc.settings.operations.kioskId);
    if (!token) return failed(audit, std::string(core::toString(token.error())), "the backend refused the enrolment");

    if (auto made = ensureDataDir(paths.dataDir); !made) return failed(audit, "write_failed", made.error().message);
    if (auto written = core::writeFileAtomically(tokenFile, *token + "\n"); !written) {
        return failed(audit, "write_failed", written.error().message + " (the code is used: ask for a new one)");
    }
    const auto localMode = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                           std::filesystem::perms::group_read | std::filesystem::perms::others_read;
    if (auto written = core::writeFileAtomically(texts.localName, plan.localText, {.mode = localMode, .afterStep = {}}); !written) {
        return failed(audit, "write_failed", written.error().message + " (the code is used: ask for a new one)");
    }
    for (const core::SettingChange& change : plan.changes) {
        const auto info = core::configKeyInfo(change.key);
        audit.append(core::settingChanged(entry(core::AuditAction::SettingChanged, {}).at, change.key, change.from,
                                          change.to, info && info->secret));
    }
    audit.append(entry(core::AuditAction::Provisioned, doc.settings.operations.kioskId));
    spdlog::info("provisioned as kiosk {} ({} settings written to {})", doc.settings.operations.kioskId,
                 plan.changes.size(), texts.localName);
    return ProvisionOutcome{true, {}, {}, doc.settings.operations.kioskId};
}

}  // namespace kiosk::app
