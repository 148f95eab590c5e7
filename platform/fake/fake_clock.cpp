#include "platform/fake/fake_clock.hpp"
// FakeClock is header-only; this file keeps platform_fake a real library until more fakes land.
