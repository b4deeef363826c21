using System.Globalization;
using System.Text.Json;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Data.Misuse;

namespace RightsDesk.Application.Misuse;

/// <summary>
/// Telling the party of an Art. 23 measure, through the one outbox. A notifier is known only by their address, so
/// they get an e-mail in their language. An account is the platform's, so the platform gets a signed webhook
/// (<c>misuse.warning</c>, <c>misuse.suspended</c>, <c>misuse.lifted</c>) naming the account, with the reasons and
/// the language, to show the user; an account suspended for illegal content also gets the statement of reasons of
/// its moderation decision.
/// </summary>
public sealed class MisuseNotices(IOutbox outbox)
{
    public const string Topic = "misuse";

    private sealed record Body(string Event, Guid Measure, string Kind, string Account, string Language, string Reasons, DateOnly? Until, string? Puid);

    public Task WarnedAsync(MisuseMeasureRecord m, string party, string reasons, CancellationToken ct) =>
        SendAsync(m, "misuse.warning", "warning", party, reasons, ct);

    public Task SuspendedAsync(MisuseMeasureRecord m, string party, string reasons, CancellationToken ct) =>
        SendAsync(m, "misuse.suspended", "suspended", party, reasons, ct);

    public Task LiftedAsync(MisuseMeasureRecord m, string party, CancellationToken ct) =>
        SendAsync(m, "misuse.lifted", "lifted", party, "", ct);

    private async Task SendAsync(MisuseMeasureRecord m, string @event, string what, string party, string reasons, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(m);
        var key = $"misuse-{what}:{m.Id:N}";
        if (m.Party == MisuseParty.Notifier)
        {
            var (subject, text) = MisuseMail.For(what, m.Language, m.Kind, reasons, m.Until);
            await outbox.EnqueueAsync(OutboxMessage.Email(Topic, key, new EmailPayload(party, subject, text)) with
            {
                CorrelationId = m.Id.ToString(), SubjectId = m.Id.ToString(),
            }, ct);
            return;
        }

        var puid = m.DecisionId is null ? null : MisuseSuspensions.DecisionPuid(m.Id);
        var json = JsonSerializer.Serialize(new Body(@event, m.Id, JsonNames.Of(m.Kind), party, m.Language, reasons, m.Until, puid), JsonNames.Options);
        await outbox.EnqueueAsync(OutboxMessage.Webhook(Topic, key, new WebhookPayload(@event, json)) with
        {
            CorrelationId = m.Id.ToString(), SubjectId = m.Id.ToString(),
        }, ct);
    }
}

/// <summary>What a notifier reads about an Art. 23 measure, in the languages of the public pages.</summary>
public static class MisuseMail
{
    private sealed record Words(string WarningSubject, string Warning, string SuspendedSubject, string Suspended, string LiftedSubject, string Lifted,
        string Notices, string Complaints, string Reasons, string Redress);

    private static readonly Dictionary<string, Words> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = new("A warning about your {0}", "We are warning you under Article 23 of the Digital Services Act: a large share of your {0} were manifestly unfounded. If this goes on, we may stop processing your {0} for a period.",
            "We have suspended the processing of your {0}", "Under Article 23 of the Digital Services Act, after our earlier warning, we will not process your {0} until {1} (inclusive). We will still receive them.",
            "The suspension of your {0} is lifted", "We have lifted the suspension: your {0} are processed again.",
            "notices", "complaints", "Reasons",
            "If you disagree, you can complain to us within six months, refer the dispute to a certified out-of-court dispute settlement body (DSA Art. 21), or go to court."),
        ["es"] = new("Una advertencia sobre sus {0}", "Le advertimos conforme al artículo 23 del Reglamento de Servicios Digitales: una gran parte de sus {0} carecía manifiestamente de fundamento. Si continúa, podremos dejar de tramitar sus {0} durante un tiempo.",
            "Hemos suspendido la tramitación de sus {0}", "Conforme al artículo 23 del Reglamento de Servicios Digitales, tras nuestra advertencia, no tramitaremos sus {0} hasta el {1} (incluido). Seguiremos recibiéndolos.",
            "Se ha levantado la suspensión de sus {0}", "Hemos levantado la suspensión: sus {0} vuelven a tramitarse.",
            "avisos", "reclamaciones", "Motivos",
            "Si no está de acuerdo, puede reclamar ante nosotros en un plazo de seis meses, someter el litigio a un órgano certificado de resolución extrajudicial (art. 21 DSA) o acudir a los tribunales."),
        ["fr"] = new("Un avertissement concernant vos {0}", "Nous vous avertissons au titre de l’article 23 du règlement sur les services numériques : une grande partie de vos {0} étaient manifestement infondées. Si cela continue, nous pourrons cesser de traiter vos {0} pendant un certain temps.",
            "Nous avons suspendu le traitement de vos {0}", "Au titre de l’article 23 du règlement sur les services numériques, après notre avertissement, nous ne traiterons pas vos {0} jusqu’au {1} inclus. Nous continuerons de les recevoir.",
            "La suspension de vos {0} est levée", "Nous avons levé la suspension : vos {0} sont de nouveau traitées.",
            "notifications", "réclamations", "Motifs",
            "Si vous n’êtes pas d’accord, vous pouvez nous adresser une réclamation dans les six mois, saisir un organe certifié de règlement extrajudiciaire des litiges (art. 21 DSA) ou un tribunal."),
        ["ar"] = new("تحذير بشأن {0} الخاصة بك", "نحذّرك بموجب المادة 23 من قانون الخدمات الرقمية: نسبة كبيرة من {0} التي قدّمتها كانت بلا أساس بشكل واضح. إن استمر ذلك، فقد نتوقف عن معالجة {0} لفترة.",
            "علّقنا معالجة {0} الخاصة بك", "بموجب المادة 23 من قانون الخدمات الرقمية، وبعد تحذيرنا السابق، لن نعالج {0} حتى {1} (ضمناً). وسنظل نتسلّمها.",
            "رُفع تعليق {0} الخاصة بك", "رفعنا التعليق: تُعالَج {0} من جديد.",
            "البلاغات", "الشكاوى", "الأسباب",
            "إن لم توافق، يمكنك تقديم شكوى إلينا خلال ستة أشهر، أو إحالة النزاع إلى هيئة معتمدة لتسوية النزاعات خارج المحاكم (المادة 21 من قانون الخدمات الرقمية)، أو اللجوء إلى القضاء."),
        ["ru"] = new("Предупреждение о ваших {0}", "Мы предупреждаем вас на основании статьи 23 Закона о цифровых услугах: значительная часть ваших {0} была явно необоснованной. Если это продолжится, мы можем на время перестать рассматривать ваши {0}.",
            "Мы приостановили рассмотрение ваших {0}", "На основании статьи 23 Закона о цифровых услугах, после нашего предупреждения, мы не будем рассматривать ваши {0} до {1} включительно. Мы продолжим их принимать.",
            "Приостановка ваших {0} снята", "Мы сняли приостановку: ваши {0} снова рассматриваются.",
            "уведомления", "жалобы", "Основания",
            "Если вы не согласны, вы можете подать нам жалобу в течение шести месяцев, передать спор в сертифицированный орган внесудебного урегулирования (ст. 21 DSA) или обратиться в суд."),
        ["tr"] = new("{0} hakkında bir uyarı", "Dijital Hizmetler Yasası'nın 23. maddesi uyarınca sizi uyarıyoruz: {0} büyük ölçüde açıkça dayanaksızdı. Bu sürerse {0} bir süre işlemeyi durdurabiliriz.",
            "{0} işlenmesini askıya aldık", "Dijital Hizmetler Yasası'nın 23. maddesi uyarınca, önceki uyarımızdan sonra {0} {1} tarihine kadar (dahil) işlemeyeceğiz. Bunları almaya devam edeceğiz.",
            "{0} askıya alınması kaldırıldı", "Askıya almayı kaldırdık: {0} yeniden işleniyor.",
            "bildirimleriniz", "şikâyetleriniz", "Gerekçe",
            "Katılmıyorsanız, altı ay içinde bize şikâyette bulunabilir, uyuşmazlığı sertifikalı bir mahkeme dışı uyuşmazlık çözüm kuruluşuna (DSA md. 21) taşıyabilir veya mahkemeye başvurabilirsiniz."),
        ["fa"] = new("هشداری دربارهٔ {0} شما", "بر پایهٔ مادهٔ ۲۳ قانون خدمات دیجیتال به شما هشدار می‌دهیم: بخش بزرگی از {0} شما آشکارا بی‌پایه بود. اگر این ادامه یابد، ممکن است برای مدتی رسیدگی به {0} شما را متوقف کنیم.",
            "رسیدگی به {0} شما را معلق کردیم", "بر پایهٔ مادهٔ ۲۳ قانون خدمات دیجیتال و پس از هشدار پیشین، تا {1} (با احتساب همان روز) به {0} شما رسیدگی نمی‌کنیم. همچنان آن‌ها را دریافت می‌کنیم.",
            "تعلیق {0} شما برداشته شد", "تعلیق را برداشتیم: دوباره به {0} شما رسیدگی می‌شود.",
            "گزارش‌های", "شکایت‌های", "دلایل",
            "اگر موافق نیستید، می‌توانید تا شش ماه به ما شکایت کنید، اختلاف را به یک نهاد معتبر حل اختلاف خارج از دادگاه (مادهٔ ۲۱ قانون خدمات دیجیتال) ببرید یا به دادگاه مراجعه کنید."),
        ["zh-Hans"] = new("关于您的{0}的警告", "我们依据《数字服务法》第23条向您发出警告：您的{0}中有很大一部分明显缺乏依据。如继续如此，我们可能在一段时间内停止处理您的{0}。",
            "我们已暂停处理您的{0}", "依据《数字服务法》第23条，在此前警告之后，我们在 {1}（含当日）之前不会处理您的{0}，但仍会接收。",
            "对您的{0}的暂停已解除", "我们已解除暂停：您的{0}将重新得到处理。",
            "通知", "投诉", "理由",
            "如您不同意，可在六个月内向我们投诉，将争议提交经认证的庭外争议解决机构（《数字服务法》第21条），或诉诸法院。"),
    };

    private static readonly Dictionary<string, string> NotProcessedTexts = new(StringComparer.Ordinal)
    {
        ["en"] = "Under a suspension decided under Article 23 of the Digital Services Act, your {0} are received but not processed until {1} (inclusive).",
        ["es"] = "Debido a una suspensión decidida conforme al artículo 23 del Reglamento de Servicios Digitales, sus {0} se reciben pero no se tramitan hasta el {1} (incluido).",
        ["fr"] = "En raison d’une suspension décidée au titre de l’article 23 du règlement sur les services numériques, vos {0} sont reçues mais ne sont pas traitées jusqu’au {1} inclus.",
        ["ar"] = "بسبب تعليق تقرّر بموجب المادة 23 من قانون الخدمات الرقمية، تُستلَم {0} ولا تُعالَج حتى {1} (ضمناً).",
        ["ru"] = "Из-за приостановки на основании статьи 23 Закона о цифровых услугах ваши {0} принимаются, но не рассматриваются до {1} включительно.",
        ["tr"] = "Dijital Hizmetler Yasası'nın 23. maddesi uyarınca verilen bir askıya alma nedeniyle {0} {1} tarihine kadar (dahil) alınıyor ancak işlenmiyor.",
        ["fa"] = "به سبب تعلیقی بر پایهٔ مادهٔ ۲۳ قانون خدمات دیجیتال، {0} شما تا {1} (با احتساب همان روز) دریافت می‌شود اما رسیدگی نمی‌شود.",
        ["zh-Hans"] = "由于依据《数字服务法》第23条作出的暂停，您的{0}在 {1}（含当日）之前会被接收但不会被处理。",
    };

    /// <summary>What a suspended party is told when a notice or complaint of theirs comes in.</summary>
    public static string NotProcessed(string language, MisuseKind kind, DateOnly? until)
    {
        var w = Texts.GetValueOrDefault(language) ?? Texts["en"];
        var text = NotProcessedTexts.GetValueOrDefault(language) ?? NotProcessedTexts["en"];
        return text.Replace("{0}", kind == MisuseKind.UnfoundedNotices ? w.Notices : w.Complaints, StringComparison.Ordinal)
            .Replace("{1}", until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
    }

    /// <param name="what">warning, suspended or lifted.</param>
    public static (string Subject, string Body) For(string what, string language, MisuseKind kind, string reasons, DateOnly? until)
    {
        var w = Texts.GetValueOrDefault(language) ?? Texts["en"];
        var things = kind == MisuseKind.UnfoundedNotices ? w.Notices : w.Complaints;
        var (subject, lead) = what switch
        {
            "warning" => (w.WarningSubject, w.Warning),
            "suspended" => (w.SuspendedSubject, w.Suspended),
            _ => (w.LiftedSubject, w.Lifted),
        };
        var day = until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string Fill(string text) => text.Replace("{0}", things, StringComparison.Ordinal).Replace("{1}", day, StringComparison.Ordinal);
        var body = what == "lifted" ? Fill(lead) + "\n" : $"{Fill(lead)}\n\n{w.Reasons}:\n{reasons}\n\n{w.Redress}\n";
        return (Fill(subject), body);
    }
}
