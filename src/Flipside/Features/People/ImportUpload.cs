using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Features.People;

/// <summary>
/// A checked file kept between the check and the "Apply" press or the problems download, so that neither needs the
/// file chosen again. It lives in the database rather than in memory because any instance may answer the next request; it is
/// deleted once applied and after <see cref="KeptFor"/>.
/// </summary>
public sealed class ImportUpload
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public byte[] Bytes { get; private set; } = [];
    public string SourceName { get; private set; } = "";

    private ImportUpload() { }

    public ImportUpload(string uploadedBy, DateTimeOffset createdAt, byte[] bytes, string sourceName) =>
        (UploadedBy, CreatedAt, Bytes, SourceName) = (uploadedBy, createdAt, bytes, sourceName);
}

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> b)
    {
        b.ToTable("ImportUploads");
        b.Property(u => u.UploadedBy).HasMaxLength(450).IsRequired();
        b.Property(u => u.SourceName).HasMaxLength(260).IsRequired();
        b.Property(u => u.Bytes).IsRequired();
        b.HasIndex(u => u.CreatedAt);
    }
}
