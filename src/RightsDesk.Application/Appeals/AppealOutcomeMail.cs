using RightsDesk.Core.Appeals;

namespace RightsDesk.Application.Appeals;

/// <summary>
/// The outcome as the appellant reads it, in the languages of the public pages. Only the outcome and the reviewer's
/// reasons: no puid, no account, nothing a relay between here and the mailbox should learn about the content.
/// </summary>
public static class AppealOutcomeMail
{
    private sealed record Words(string Subject, string Upheld, string Reversed, string Modified, string Reasons, string Redress);

    private static readonly Dictionary<string, Words> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = new("The outcome of your appeal", "The decision stands.", "The decision was reversed and the restriction lifted.", "The decision was changed.", "Reasons", "If you disagree, you may refer the dispute to a certified out-of-court dispute settlement body (DSA Art. 21) or go to court."),
        ["es"] = new("El resultado de su recurso", "La decisión se mantiene.", "La decisión se ha revocado y la restricción se ha levantado.", "La decisión se ha modificado.", "Motivos", "Si no está de acuerdo, puede someter el litigio a un órgano certificado de resolución extrajudicial (art. 21 DSA) o acudir a los tribunales."),
        ["fr"] = new("L’issue de votre recours", "La décision est maintenue.", "La décision a été annulée et la restriction levée.", "La décision a été modifiée.", "Motifs", "Si vous n’êtes pas d’accord, vous pouvez saisir un organe certifié de règlement extrajudiciaire des litiges (art. 21 DSA) ou un tribunal."),
        ["ar"] = new("نتيجة طعنك", "يبقى القرار قائماً.", "أُلغي القرار ورُفع التقييد.", "عُدّل القرار.", "الأسباب", "إن لم توافق، يمكنك إحالة النزاع إلى هيئة معتمدة لتسوية النزاعات خارج المحاكم (المادة 21 من قانون الخدمات الرقمية) أو اللجوء إلى القضاء."),
        ["ru"] = new("Результат вашей жалобы", "Решение остаётся в силе.", "Решение отменено, ограничение снято.", "Решение изменено.", "Основания", "Если вы не согласны, вы можете передать спор в сертифицированный орган внесудебного урегулирования (ст. 21 DSA) или обратиться в суд."),
        ["tr"] = new("İtirazınızın sonucu", "Karar geçerliliğini koruyor.", "Karar kaldırıldı ve kısıtlama sona erdi.", "Karar değiştirildi.", "Gerekçe", "Katılmıyorsanız, uyuşmazlığı sertifikalı bir mahkeme dışı uyuşmazlık çözüm kuruluşuna (DSA md. 21) veya mahkemeye taşıyabilirsiniz."),
        ["fa"] = new("نتیجهٔ اعتراض شما", "تصمیم پابرجا می‌ماند.", "تصمیم لغو و محدودیت برداشته شد.", "تصمیم تغییر کرد.", "دلایل", "اگر موافق نیستید، می‌توانید اختلاف را به یک نهاد معتبر حل اختلاف خارج از دادگاه (مادهٔ ۲۱ قانون خدمات دیجیتال) یا به دادگاه ببرید."),
        ["zh-Hans"] = new("您的申诉结果", "原决定维持不变。", "原决定已撤销，限制已解除。", "原决定已修改。", "理由", "如您不同意，可将争议提交经认证的庭外争议解决机构（《数字服务法》第21条）或诉诸法院。"),
    };

    public static (string Subject, string Body) Compose(string language, AppealOutcome outcome, string reasons)
    {
        var w = Texts.GetValueOrDefault(language) ?? Texts["en"];
        var said = outcome switch
        {
            AppealOutcome.Upheld => w.Upheld,
            AppealOutcome.Reversed => w.Reversed,
            _ => w.Modified,
        };
        return (w.Subject, $"{said}\n\n{w.Reasons}:\n{reasons}\n\n{w.Redress}\n");
    }
}
