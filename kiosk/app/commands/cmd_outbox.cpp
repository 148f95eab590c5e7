// `kiosk outbox status|deliver`: the operator's view of the outbox (kiosk/app/services/outbox.hpp) under
// operations.data_dir. `status` prints what waits; `deliver` sends it now, exactly as the kiosk's own
// delivery worker does (same code, same idempotency keys, so a message the running kiosk sends too is
// still stored once by the backend). Exit 0 when the outbox is empty afterwards, 1 when something is
// left (the backend is unreachable or refuses the token), 2 for a usage or configuration error.

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/services/outbox.hpp"
#include "kiosk/app/services/outbox_delivery.hpp"

namespace kiosk::app {
namespace {

struct OpenedOutbox {
    core::Settings settings;
    std::unique_ptr<Outbox> outbox;
};

std::optional<OpenedOutbox> openOutbox(const GlobalOptions& global, int& exitCode) {
    // Diagnostics go to stderr; stdout carries the answer only.
    spdlog::set_default_logger(spdlog::stderr_color_mt("outbox"));
    auto loaded = loadSettingsFor(global);
    if (!loaded) {
        std::cerr << loaded.error().message << "\n";
        exitCode = 2;
        return std::nullopt;
    }
    const std::filesystem::path file = std::filesystem::path(loaded->settings.operations.dataDir) / "outbox.db";
    auto outbox = Outbox::openForTool(file);
    if (!outbox) {
        std::cerr << "kiosk outbox: " << outbox.error().message << "\n";
        exitCode = outbox.error().kind == core::ErrorKind::NotFound ? 0 : 1;
        if (exitCode == 0) std::cout << file.string() << ": no outbox yet (0 messages)\n";
        return std::nullopt;
    }
    return OpenedOutbox{std::move(loaded->settings), std::move(*outbox)};
}

int runStatus(const GlobalOptions& global) {
    int exitCode = 0;
    auto opened = openOutbox(global, exitCode);
    if (!opened) return exitCode;
    const Outbox::Summary s = opened->outbox->summary();
    std::cout << opened->outbox->file().string() << ": " << s.ratings << " ratings, " << s.heartbeats
              << " heartbeats waiting";
    if (s.oldest) {
        const auto age = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - *s.oldest);
        std::cout << "; the oldest queued " << age.count() << " s ago";
    }
    std::cout << "\n";
    return 0;
}

int runDeliver(const GlobalOptions& global) {
    int exitCode = 0;
    auto opened = openOutbox(global, exitCode);
    if (!opened) return exitCode;
    auto options = backendOptionsFrom(opened->settings.backend);
    if (!options) {
        std::cerr << "kiosk outbox: " << options.error().diagnostic << "\n";
        return 2;
    }
    Devices devices = buildDevices(opened->settings, DeviceSet{.http = true, .printer = false, .camera = false,
                                                               .scanners = false, .supervisor = false});
    BackendClient client{*devices.http, *options};
    std::size_t delivered = 0;
    std::size_t refused = 0;
    while (true) {
        const DeliveryResult r = deliverOldest(*opened->outbox, client, nullptr, nullptr);
        if (r.outcome == DeliveryOutcome::Delivered) ++delivered;
        if (r.outcome == DeliveryOutcome::Rejected) ++refused;
        if (r.outcome == DeliveryOutcome::Empty) break;
        if (r.outcome == DeliveryOutcome::RetryLater) {
            std::cout << "delivered " << delivered << ", refused " << refused << "; stopped: "
                      << core::toString(*r.error);
            if (r.httpStatus != 0) std::cout << " (http " << r.httpStatus << ")";
            std::cout << "; " << opened->outbox->depth() << " still waiting\n";
            return 1;
        }
    }
    std::cout << "delivered " << delivered << ", refused " << refused << "; the outbox is empty\n";
    return 0;
}

}  // namespace

void registerOutboxCommand(CLI::App& cli, const GlobalOptions& global, CommandResult& result) {
    auto* cmd = cli.add_subcommand("outbox", "The outbox of ratings and heartbeats waiting for the backend");
    cmd->require_subcommand(1);
    cmd->add_subcommand("status", "How many ratings and heartbeats wait, and since when")
        ->callback([&global, &result] { result.exitCode = runStatus(global); });
    cmd->add_subcommand("deliver", "Send what waits now (exit 1 when something is left)")
        ->callback([&global, &result] { result.exitCode = runDeliver(global); });
}

}  // namespace kiosk::app
