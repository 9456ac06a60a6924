using Microsoft.AspNetCore.Identity;

namespace Flipside.Data;

public sealed class FlipsideUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
