// platform/system.hpp on the fake platform: notifications are recorded in memory (nobody supervises a
// fake kiosk), and there is no journal: the log stays on stderr.
#include <spdlog/sinks/sink.h>

#include "platform/fake/fake_system.hpp"

namespace platform {

std::unique_ptr<SystemNotifier> makeSystemNotifier() { return std::make_unique<FakeSystemNotifier>(); }

std::shared_ptr<spdlog::sinks::sink> makeJournalSink(std::string_view, const JournalFields&) { return nullptr; }

}  // namespace platform
