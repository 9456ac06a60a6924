namespace Flipside.Domain;

/// <summary>
/// When a background job last started, across every instance. A job's lease stops two instances running it at once;
/// this row stops the next instance running it again in the same interval, so each run happens once per interval.
/// </summary>
public sealed class JobRun
{
    public string Name { get; private set; } = "";
    public DateTimeOffset LastStartedAt { get; private set; }

    private JobRun() { }

    public JobRun(string name) => Name = name;

    /// <summary>
    /// Marks a start unless one happened less than half an interval ago (another instance's timer fired just before
    /// ours): half, so a run that drifts a little late on one instance is never skipped by its own previous run.
    /// </summary>
    public bool TryStart(DateTimeOffset now, TimeSpan every)
    {
        if (LastStartedAt != default && now - LastStartedAt < every / 2) return false;
        LastStartedAt = now;
        return true;
    }
}
