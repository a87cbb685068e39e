#pragma once
// A recorded sample as text, in the names /proc/zoneinfo and /proc/vmstat use: what the
// counters view shows for a past moment (the /proc files themselves exist only for "now").
#include "record/recorder.h"

#include <string>
#include <vector>

namespace rs {

std::string format_sample(const Sample& s, const std::vector<ZoneLabel>& zones);

} // namespace rs
