namespace Flipside.Features.Shared;

/// <summary>
/// The most items a list in a request body may hold; lists without it get <see cref="Default"/>. Checked for every
/// /api/v1 body before its use case runs (RequestLimits), so an oversized list costs nothing beyond reading it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(int count) : Attribute
{
    public const int Default = 100;

    public int Count { get; } = count;
}
