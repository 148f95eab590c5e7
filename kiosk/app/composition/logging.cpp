#include "kiosk/app/composition/logging.hpp"

#include <spdlog/cfg/env.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "platform/system.hpp"

namespace kiosk::app {
namespace {

// kiosk.log is for machines without journald (development, a kiosk started by hand): 3 files of 5 MiB.
constexpr std::size_t kLogFileBytes = 5 * 1024 * 1024;
constexpr std::size_t kLogFiles = 3;

}  // namespace

int spdlogLevel(core::LogLevel level) {
    switch (level) {
        case core::LogLevel::Trace: return spdlog::level::trace;
        case core::LogLevel::Debug: return spdlog::level::debug;
        case core::LogLevel::Info: return spdlog::level::info;
        case core::LogLevel::Warn: return spdlog::level::warn;
        case core::LogLevel::Error: return spdlog::level::err;
    }
    return spdlog::level::info;
}

std::string configureLogging(const core::OperationsSettings& operations, std::string_view version) {
    std::vector<spdlog::sink_ptr> sinks;
    std::string where;
    if (auto journal = platform::makeJournalSink("kiosk", {{"KIOSK_VERSION", std::string{version}}})) {
        sinks.push_back(std::move(journal));
        where = "journald";
    } else {
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
        where = "stderr";
        if (!operations.logDir.empty()) {
            const std::filesystem::path file = std::filesystem::path(operations.logDir) / "kiosk.log";
            try {
                std::filesystem::create_directories(operations.logDir);
                sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(), kLogFileBytes, kLogFiles));
                where += " and " + file.string();
            } catch (const std::exception& e) {
                // Before the logger exists: stderr is all there is.
                std::cerr << "kiosk: operations.log_dir " << operations.logDir << " cannot be written (" << e.what()
                          << "); logging to stderr only\n";
            }
        }
    }
    auto logger = std::make_shared<spdlog::logger>("kiosk", sinks.begin(), sinks.end());
    logger->set_level(static_cast<spdlog::level::level_enum>(spdlogLevel(operations.logLevel)));
    // The journal stamps time, level and process itself; files and stderr need them in the line.
    if (where != "journald") logger->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");
    logger->flush_on(spdlog::level::info);  // a crash must not eat the lines that explain it
    spdlog::set_default_logger(logger);
    spdlog::cfg::load_env_levels();  // SPDLOG_LEVEL for a development run
    return where;
}

}  // namespace kiosk::app
