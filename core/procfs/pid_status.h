#pragma once
// /proc/PID/status and the kernel log of the simulated kernel: proc_pid_status()
// (fs/proc/array.c) with task_mem() (fs/proc/task_mmu.c), and dmesg's view of printk's buffer.
#include "mm/kernel.h"

#include <string>

namespace rs {

// The process a --print-proc argument names: a pid (digits), else the first process whose
// comm is the name (as pgrep -o would pick among equals: the lowest pid). Nothing if none.
const Process* find_proc_by_pid_or_comm(const Kernel& k, const std::string& arg);

// proc_pid_status() for process p, the lines the simulator models: Name, Tgid, Pid, PPid, Uid,
// Gid, then task_mem()'s VmPeak, VmSize, VmLck, VmRSS, RssAnon, RssFile, RssShmem, VmPTE and
// VmSwap in its format ("%8lu kB"). A dead process has no mm: no Vm lines, as the kernel
// prints none for a zombie. The lines the kernel prints and the simulator cannot know (Umask,
// State, FDSize, Groups, VmPin, VmHWM, VmData, VmStk, VmExe, VmLib, signals, capabilities...)
// are left out.
std::string format_pid_status(const Kernel& k, const Process& p);

// dmesg: every line of the kernel log with its time since boot, "[%5lu.%06lu] " as printk's
// timestamps (print_time()) show it.
std::string format_dmesg(const Kernel& k);

} // namespace rs
