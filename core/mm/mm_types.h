#pragma once
// Address spaces (a file's page cache, a process's anonymous memory) and processes: what
// struct address_space, struct mm_struct and struct task_struct hold for reclaim.
#include "mm/page_frames.h"
#include "util/huge_vector.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs {

// Page-cache and anonymous slots hold a frame, nothing, or a token for a page that is not
// resident: a shadow entry (file) or a swap entry (anon). Tokens have the top bit set.
inline constexpr std::uint32_t kTokenBit = 0x80000000u;
inline bool is_resident(std::uint32_t e) { return !(e & kTokenBit); }
inline bool is_token(std::uint32_t e) { return e != kNoFrame && (e & kTokenBit); }

// A file's page cache, or a process's anonymous memory: one slot per page offset.
struct AddressSpace {
    std::string name;
    bool anon = false;
    int owner = -1; // anon: the process (its index in Kernel::procs, not its pid)
    huge_vector<std::uint32_t> pages;
    std::uint64_t nr_resident = 0;
    std::uint64_t nr_nonresident = 0; // shadow or swap entries
    // fork(): a child's anonymous memory shares its pages and swap entries with the parent's
    // until written (we model read-only sharing). All of a family hang off one root, as
    // anon_vmas chain to the root's: the rmap of page `index` is that slot in each of them.
    int anon_vma_root = -1;        // a fork: the root's space; -1: this is a root
    std::vector<std::uint32_t> forks; // the root: every fork of the family
};

// The address spaces whose PTEs can map page `index` of anonymous `space` (rmap_walk_anon()):
// the family's root and its forks. `fn(AddressSpace&, std::uint32_t space)`.
template <class Spaces, class Fn> void for_each_anon_mapper(Spaces& spaces, std::uint32_t space, Fn&& fn) {
    const auto& as = spaces[space];
    const auto root = as.anon_vma_root >= 0 ? static_cast<std::uint32_t>(as.anon_vma_root) : space;
    fn(spaces[root], root);
    for (const std::uint32_t c : spaces[root].forks) fn(spaces[c], c);
}

// TASK_COMM_LEN (include/linux/sched.h): comm holds 15 characters and the NUL.
inline constexpr std::size_t TASK_COMM_LEN = 16;

// The delay accounting of a task (struct task_delay_info, include/linux/delayacct.h): what
// getdelays(8) shows as RECLAIM, SWAP and THRASHING. Times in ns, counts of episodes.
struct TaskDelayInfo {
    // delayacct_freepages_start()/end() around try_to_free_pages() in __perform_reclaim().
    std::uint64_t freepages_count = 0;
    std::int64_t freepages_delay_ns = 0;
    // delayacct_swapin_start()/end() in swap_read_folio(): the wait for a swap-in read.
    std::uint64_t swapin_count = 0;
    std::int64_t swapin_delay_ns = 0;
    // delayacct_thrashing_start()/end() in swap_read_folio() and filemap_read_folio(): the
    // read of a folio that was part of the workingset (PG_workingset: a refault).
    std::uint64_t thrashing_count = 0;
    std::int64_t thrashing_delay_ns = 0;
};

// A process, for the fault path and the OOM killer: what task_struct and its mm_struct hold
// for reclaim. Kernel::procs is indexed by creation order; `pid` is the pid it was given
// (alloc_pid()), which is never an index.
struct Process {
    int pid = 0;
    int ppid = 0;
    std::string comm; // at most TASK_COMM_LEN - 1 characters (__set_task_comm())
    unsigned uid = 0;
    int anon_space = -1;
    bool alive = true;
    int oom_score_adj = 0;
    std::uint64_t swapents = 0; // MM_SWAPENTS
    bool oom_origin = false;    // set_current_oom_origin(): swapoff, the OOM killer's first pick
    bool exited = false;        // exit(): not alive, and not by the OOM killer
    int nid = 0;                // the node of its CPU: where its faults allocate first
    std::uint64_t locked_pages = 0; // mlock(): the first pages of the anonymous region (VM_LOCKED); locked_vm
    // mm->total_vm: pages mapped now (vm_stat_account() on mmap, munmap, exit), and its peak
    // (hiwater_vm, VmPeak).
    std::uint64_t total_vm = 0;
    std::uint64_t hiwater_vm = 0;
    // task->min_flt, maj_flt (mm_account_fault()).
    std::uint64_t min_flt = 0, maj_flt = 0;
    TaskDelayInfo delays;
};

// comm as __set_task_comm() stores it: truncated to TASK_COMM_LEN - 1 bytes.
inline std::string task_comm(const std::string& name) { return name.substr(0, TASK_COMM_LEN - 1); }

} // namespace rs
