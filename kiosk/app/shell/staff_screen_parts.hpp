#pragma once
// Helpers the staff screens' builders share (staff_screens.cpp, staff_device_view.cpp,
// staff_settings_view.cpp). Internal to kiosk/app/shell.

#include <chrono>
#include <string>

#include "kiosk/app/shell/staff_screens.hpp"

namespace kiosk::app::staff_detail {

/// "14:05" at the office's time zone (office.time_zone), like the header clock and the slips.
std::string clockAt(const StaffInputs& in, std::chrono::sys_seconds t);
/// The office's local date and time in the screen's language ("14:05 30/11/2026").
std::string dayAndTime(const StaffInputs& in, std::chrono::sys_seconds t);
/// The worker's task state as the widgets show it.
ui::TaskState taskState(core::StaffTask t);
/// The tab of a staff page.
ui::StaffTab tabOf(core::StaffPage p);
/// The tabs, the title and Exit of every staff page.
ui::StaffFrame frameFor(const StaffInputs& in);

}  // namespace kiosk::app::staff_detail
