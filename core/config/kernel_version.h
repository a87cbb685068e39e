#pragma once
// The kernel release a simulation follows where the kernel's rules changed ("6.16" -> 616, as
// MachineSpec::kernel_version holds it). One parser for the scenario loader and the CLI.
#include <optional>
#include <string_view>

namespace rs {

// "MAJOR.MINOR" with MAJOR 4..99 and MINOR 0..99, digits only (no sign, space or patch level):
// MAJOR * 100 + MINOR. Empty for anything else; the caller words the message for its input.
std::optional<int> parse_kernel_release(std::string_view text);

} // namespace rs
