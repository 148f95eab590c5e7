#pragma once
// The system's words for an errno value, in one place.

#include <string>

namespace kiosk::core {

/// The system's text for an errno value ("No such file or directory"); unlike std::strerror, safe
/// from any thread.
std::string systemErrorText(int error);

}  // namespace kiosk::core
