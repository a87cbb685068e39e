#pragma once
// What this binary is: the project's version, the git commit it was built from, its licence
// and home. --version and Help > About print these; they are defined in a file the build
// generates (cmake/build_info.cmake), in its own library so a new commit relinks only the
// programs that show it.
namespace rs {

const char* build_version();    // the project's version, as in CMakeLists.txt's project()
const char* build_commit();     // 12 hex digits, "-dirty" with uncommitted changes, or "unknown"
const char* project_license();  // an SPDX expression
const char* project_homepage(); // a URL

} // namespace rs
