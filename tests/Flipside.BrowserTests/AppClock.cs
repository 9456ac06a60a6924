using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Flipside.BrowserTests;

/// <summary>
/// Time passing for a running app, which keeps the real clock: a survey whose last day is today closes at midnight UTC,
/// hours after a test ends, so the test moves that moment into the past in the app's database.
/// </summary>
public static class AppClock
{
    /// <summary>The same encoding the app gives every DateTimeOffset it stores in SQLite.</summary>
    private static readonly DateTimeOffsetToBinaryConverter Stored = new();

    public static async Task CloseSurveyAsync(AppProcess app, string title)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "flipside.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Surveys SET ClosesAt = $closed WHERE Title = $title AND ClosesAt > $closed";
        command.Parameters.AddWithValue("$closed", Stored.ConvertToProvider(DateTimeOffset.UtcNow.AddMinutes(-1)));
        command.Parameters.AddWithValue("$title", title);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
