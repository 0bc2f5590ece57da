package io.vidlog.bench.search;

import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoType;
import io.vidlog.bench.load.GeneratedEvents;
import io.vidlog.projection.search.Chosung;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated video titles and the queries typed against them, from one vocabulary of Korean and English words: titles
 * of two to five words, some Korean, some English, some mixed; queries of whole words, words with a particle, the
 * first letters of a word, initial consonants, and English words with a typo.
 */
final class Vocabulary implements GeneratedEvents.Catalogue {

    static final String[] KOREAN = {"여행", "제주도", "부산", "서울", "강릉", "맛집", "떡볶이", "돼지국밥", "캠핑", "요리",
            "브이로그", "일상", "고양이", "강아지", "홈트레이닝", "필라테스", "요가", "드라이브", "코스", "추천", "리뷰",
            "언박싱", "아이폰", "갤럭시", "노트북", "게임", "공략", "노래", "커버", "피아노", "기타", "댄스", "챌린지",
            "공부", "자격증", "영어", "회화", "주식", "부동산", "육아", "이유식", "등산", "바다", "겨울", "봄", "벚꽃",
            "카페", "디저트", "빵", "라면", "김치찌개", "다이어트", "운동", "루틴", "메이크업", "패션", "하울", "인테리어",
            "자취", "청소", "정리", "꿀팁", "초보", "완벽", "가이드", "먹방", "편의점", "신상", "비교", "솔직", "후기",
            "자동차", "세차", "낚시", "축구", "야구", "농구", "영화", "드라마", "명장면"};
    static final String[] ENGLISH = {"travel", "vlog", "seoul", "busan", "food", "street", "recipe", "cooking",
            "camping", "hiking", "workout", "pilates", "yoga", "review", "unboxing", "iphone", "galaxy", "laptop",
            "gaming", "guide", "piano", "guitar", "cover", "dance", "challenge", "study", "english", "lesson",
            "stock", "investing", "parenting", "baby", "beach", "winter", "spring", "cafe", "dessert", "bread",
            "ramen", "diet", "routine", "makeup", "fashion", "haul", "interior", "cleaning", "tips", "beginner",
            "complete", "mukbang", "compare", "honest", "car", "fishing", "soccer", "baseball", "movie", "drama",
            "kitchen", "coffee"};
    static final String[] TAGS = {"travel", "food", "fitness", "tech", "music", "study", "finance", "pets",
            "parenting", "cars", "sports", "movies", "beauty", "home", "gaming", "vlog", "cooking", "dance", "outdoor",
            "shopping"};
    private static final String[] PARTICLES = {"을", "를", "이", "가", "에서", "으로", "의"};

    private final int videos;
    private final long seed;

    Vocabulary(int videos, long seed) {
        this.videos = videos;
        this.seed = seed;
    }

    @Override
    public int videos() {
        return videos;
    }

    @Override
    public VideoCreatedEvent created(String videoId, int video) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + video);
        String[] words = random.nextInt(100) < 60 ? KOREAN : random.nextInt(100) < 60 ? ENGLISH : null;
        List<String> title = new ArrayList<>();
        for (int w = 0, count = 2 + random.nextInt(4); w < count; w++) {
            String[] from = words != null ? words : random.nextBoolean() ? KOREAN : ENGLISH;
            title.add(from[random.nextInt(from.length)]);
        }
        List<String> description = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String[] from = random.nextBoolean() ? KOREAN : ENGLISH;
            description.add(from[random.nextInt(from.length)]);
        }
        return new VideoCreatedEvent(videoId, "bench-creator-" + random.nextInt(500), String.join(" ", title),
                String.join(" ", description), List.of(TAGS[random.nextInt(TAGS.length)],
                TAGS[random.nextInt(TAGS.length)]).stream().distinct().toList(),
                random.nextInt(100) < 30 ? VideoType.VERTICAL : VideoType.HORIZONTAL);
    }

    /** A search a viewer might type. */
    static String query(SplittableRandom random) {
        int kind = random.nextInt(10);
        String korean = KOREAN[random.nextInt(KOREAN.length)];
        String english = ENGLISH[random.nextInt(ENGLISH.length)];
        return switch (kind) {
            case 0, 1 -> korean;
            case 2 -> korean + PARTICLES[random.nextInt(PARTICLES.length)];
            case 3 -> korean + " " + KOREAN[random.nextInt(KOREAN.length)];
            case 4 -> Chosung.of(korean);
            case 5, 6 -> english;
            case 7 -> typo(english, random);
            case 8 -> english + " " + korean;
            default -> korean.substring(0, Math.max(1, korean.length() - 1));
        };
    }

    /** A prefix a viewer might have typed so far. */
    static String prefix(SplittableRandom random) {
        int kind = random.nextInt(3);
        String korean = KOREAN[random.nextInt(KOREAN.length)];
        String english = ENGLISH[random.nextInt(ENGLISH.length)];
        return switch (kind) {
            case 0 -> korean.substring(0, 1 + random.nextInt(korean.length()));
            case 1 -> english.substring(0, Math.min(english.length(), 2 + random.nextInt(3)));
            default -> Chosung.of(korean).substring(0, Math.min(korean.length(), 2));
        };
    }

    private static String typo(String word, SplittableRandom random) {
        if (word.length() < 4) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        return word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
    }
}
