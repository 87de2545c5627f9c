package flags.sample;

import java.util.HashMap;
import java.util.Map;

/**
 * One line per country: aspect ratio (height:width) and the layers drawn in order, separated by '|'.
 * Coordinates are fractions of the width (x) and height (y); radii and thicknesses are fractions of the height.
 */
final class FlagDesigns {
    private FlagDesigns() {}

    record Design(String code, double heightOverWidth, String layers) {
        /** Whether the design is a stand-in showing the code rather than the flag's layout. */
        boolean placeholder() {
            return layers.startsWith("ph ");
        }
    }

    private static final Map<String, Design> DESIGNS = new HashMap<>();

    private static void d(String code, String ratio, String layers) {
        String[] hw = ratio.split(":");
        double r = Double.parseDouble(hw[0]) / Double.parseDouble(hw[1]);
        if (DESIGNS.put(code, new Design(code, r, layers)) != null) {
            throw new IllegalStateException("duplicate design " + code);
        }
    }

    static Design get(String code) {
        Design d = DESIGNS.get(code);
        if (d == null) {
            throw new IllegalArgumentException("no design for " + code);
        }
        return d;
    }

    // Layer words: h/v stripes (COLOUR*weight), field, rect x y w h, poly x y ..., disc cx cy r, ellipse cx cy rx ry,
    // ring/halfring cx cy r t, star cx cy r [points [rotation [inner]]], crescent cx cy r r2 dx dy, nordic cx t,
    // cross t, saltire t, band x1 y1 x2 y2 t (across the flag), bar (segment only), tri depth, serrate xa xb n,
    // starring cx cy R n r [from to], starline x1 y1 x2 y2 n r, pentagram/hexagram cx cy r t, rhombus cx cy rx ry,
    // checker C1 C2 x y w h nx ny, ornament x y w h n, icon NAME cx cy size, spokes cx cy r1 r2 n t [rotation],
    // union x y w h (Union Jack), ph TOP BOTTOM (placeholder), special (drawn in IconicFlags).
    static {
        d("AD", "7:10", "v 0018A8*8 FEDF00*9 D0103A*8 | icon shield C7B37F .5 .5 .42 | icon shield D0103A .5 .5 .3");
        d("AE", "1:2", "h 00732F white black | rect FF0000 0 0 .25 1");
        d("AF", "2:3", "v black D32011 007A36 | ring white .5 .5 .22 .035 | icon temple white .5 .47 .18");
        d(
                "AG",
                "2:3",
                "field CE1126 | poly white 0 0 1 0 .5 1 | poly black 0 0 1 0 .775 .45 .225 .45"
                        + " | star FCD116 .5 .45 .18 16 0 .55 | poly 0072C6 .225 .45 .775 .45 .675 .65 .325 .65");
        d("AL", "5:7", "field E41E20 | icon bird black .5 .5 .62");
        d("AM", "1:2", "h D90012 0033A0 F2A800");
        d(
                "AO",
                "2:3",
                "h CC092F black | halfring FFCB00 .5 .5 .22 .05 | star FFCB00 .46 .44 .09"
                        + " | bar FFCB00 .42 .66 .6 .32 .04");
        d("AR", "9:14", "h 74ACDF white 74ACDF | star F6B40E .5 .5 .14 32 0 .62 | disc F6B40E .5 .5 .075");
        d("AT", "2:3", "h C8102E white C8102E");
        d(
                "AU",
                "1:2",
                "field 00008B | union 0 0 .5 .5 | star white .25 .75 .15 7 0 .45"
                        + " | star white .75 .833 .075 7 0 .45 | star white .75 .167 .075 7 0 .45"
                        + " | star white .625 .458 .075 7 0 .45 | star white .869 .4 .075 7 0 .45 | star white .81 .56 .04");
        d("AZ", "1:2", "h 00B5E2 EF3340 509E2F | crescent white .47 .5 .15 .125 .035 0 | star white .55 .5 .07 8 0 .5");
        d("BA", "1:2", "field 002395 | poly FECB00 .265 0 .765 0 .765 1 | starline white .195 0 .695 1 9 .07");
        d(
                "BB",
                "2:3",
                "v 00267F FFC726 00267F | rect black .49 .25 .02 .55 | rect black .43 .48 .14 .04"
                        + " | poly black .43 .2 .45 .25 .45 .52 .43 .52 | poly black .57 .2 .55 .25 .55 .52 .57 .52"
                        + " | poly black .5 .18 .515 .26 .485 .26");
        d("BD", "3:5", "field 006A4E | disc F42A41 .45 .5 1/3");
        d("BE", "13:15", "v black FDDA24 EF3340");
        d("BF", "2:3", "h EF2B2D 009E49 | star FCD116 .5 .5 .17");
        d("BG", "3:5", "h white 00966E D62612");
        d("BH", "3:5", "field CE1126 | serrate white .25 .38 5");
        d(
                "BI",
                "3:5",
                "field CE1126 | poly 1EB53A 0 0 .5 .5 0 1 | poly 1EB53A 1 0 .5 .5 1 1 | saltire white .15"
                        + " | disc white .5 .5 .3 | star 1EB53A .5 .37 .09 6 | star CE1126 .5 .37 .07 6"
                        + " | star 1EB53A .44 .6 .09 6 | star CE1126 .44 .6 .07 6"
                        + " | star 1EB53A .56 .6 .09 6 | star CE1126 .56 .6 .07 6");
        d("BJ", "2:3", "h FCD116 E8112D | rect 008751 0 0 .4 1");
        d(
                "BN",
                "1:2",
                "field F7E017 | band white 0 .1 1 .62 .2 | band black 0 .3 1 .82 .14"
                        + " | crescent CF1126 .5 .55 .18 .15 0 -.05 | rect CF1126 .49 .25 .02 .3 | icon crown CF1126 .5 .3 .12");
        d("BO", "2:3", "h D52B1E F9E300 007934");
        d("BR", "7:10", "special");
        d("BS", "1:2", "h 00778B FFC72C 00778B | tri black .42");
        d(
                "BT",
                "2:3",
                "field FF4E12 | poly FFD520 0 0 1 0 0 1 | bar white .25 .75 .75 .25 .2"
                        + " | disc white .25 .75 .1 | disc white .75 .25 .1");
        d("BW", "2:3", "h 75AADB*9 white*1 black*4 white*1 75AADB*9");
        d("BY", "1:2", "h C8313E*2 4AA657*1 | rect white 0 0 .11 1 | ornament C8313E .015 .05 .08 .9 8");
        d(
                "BZ",
                "2:3",
                "h CE1126*1 171696*8 CE1126*1 | disc white .5 .5 .32 | ring 2E7D32 .5 .5 .3 .05"
                        + " | icon shield 5B9BD5 .5 .5 .3");
        d("CA", "1:2", "v FF0000*1 white*2 FF0000*1 | icon leaf FF0000 .5 .5 .72");
        d("CD", "3:4", "field 007FFF | band F7D618 0 1 1 0 .32 | band CE1021 0 1 1 0 .22 | star F7D618 .19 .26 .18");
        d("CF", "2:3", "h 003082 white 289728 FFCE00 | rect D21034 .4 0 .2 1 | star FFCE00 .167 .125 .1");
        d(
                "CG",
                "2:3",
                "field DC241F | poly 009543 0 0 .8 0 0 1 | band FBDE4A 0 1 1 0 .32" + " | poly DC241F 1 1 1 .3 .2 1");
        d("CH", "1:1", "field DA291C | rect white .1875 .40625 .625 .1875 | rect white .40625 .1875 .1875 .625");
        d("CI", "2:3", "v F77F00 white 009E60");
        d("CL", "2:3", "h white D52B1E | rect 0039A6 0 0 1/3 .5 | star white 1/6 .25 .13");
        d("CM", "2:3", "v 007A5E CE1126 FCD116 | star FCD116 .5 .5 .15");
        d("CN", "2:3", "special");
        d("CO", "2:3", "h FCD116*2 003893*1 CE1126*1");
        d("CR", "3:5", "h 002B7F*1 white*1 CE1126*2 white*1 002B7F*1");
        d("CU", "1:2", "h 002A8F white 002A8F white 002A8F | tri CF142B .433 | star white .144 .5 .15");
        d("CV", "10:17", "h 003893*6 white*1 CF2027*1 white*1 003893*3 | starring F7D116 .375 .625 .3 10 .06");
        d("CY", "2:3", "ph D57800 4E5B31");
        d("CZ", "2:3", "h white D7141A | tri 11457E .5");
        d("DE", "3:5", "h black DD0000 FFCE00");
        d("DJ", "2:3", "h 6AB2E7 12AD2B | tri white .45 | star D7141A .15 .5 .11");
        d("DK", "28:37", "field C8102E | nordic white 14/37 4/28");
        d(
                "DM",
                "1:2",
                "field 006B3F | rect FCD116 .4375 0 .0417 1 | rect black .4792 0 .0417 1"
                        + " | rect white .5209 0 .0417 1 | rect FCD116 0 .375 1 .0833 | rect black 0 .4583 1 .0833"
                        + " | rect white 0 .5417 1 .0833 | disc D41C30 .5 .5 .24 | starring 009E49 .5 .5 .19 10 .03"
                        + " | icon bird 7B3F8C .5 .5 .18");
        d("DZ", "2:3", "v 006233 white | crescent D21034 .52 .5 .25 .2 .07 0 | star D21034 .57 .5 .12 5 -90");
        d(
                "EC",
                "2:3",
                "h FFDD00*2 034EA2*1 ED1C24*1 | icon bird 6D4C2F .5 .32 .2 | icon shield 3A75C4 .5 .52 .3"
                        + " | icon shield 2E7D32 .5 .55 .2");
        d("EE", "7:11", "h 0072CE black white");
        d("EG", "2:3", "h CE1126 white black | icon bird C09300 .5 .5 .3");
        d("ER", "1:2", "h 12AD2B 4189DD | tri EA0437 1 | ring FFC726 .22 .5 .2 .04 | rect FFC726 .215 .4 .01 .22");
        d(
                "ES",
                "2:3",
                "h AA151B*1 F1BF00*2 AA151B*1 | icon crown AA151B .3 .36 .1 | icon shield AA151B .3 .53 .26"
                        + " | rect F1BF00 .3 .42 .04 .1");
        d(
                "ET",
                "1:2",
                "h 078930 FCDD09 DA121A | disc 0F47AF .5 .5 .28 | pentagram FCDD09 .5 .5 .19 .03"
                        + " | spokes FCDD09 .5 .5 .12 .24 5 .02 36");
        d("FI", "11:18", "field white | nordic 002F6C 6.5/18 3/11");
        d(
                "FJ",
                "1:2",
                "field 68BFE5 | union 0 0 .5 .5 | icon shield white .75 .55 .45 | rect CE1126 .74 .33 .02 .44"
                        + " | rect CE1126 .66 .42 .18 .04");
        d("FM", "10:19", "field 75B2DD | starring white .5 .5 .3 4 .1");
        d("FR", "2:3", "v 0055A4 white EF4135");
        d("GA", "3:4", "h 009E60 FCD116 3A75C4");
        d("GB", "1:2", "union 0 0 1 1");
        d(
                "GD",
                "3:5",
                "field CE1126 | poly FCD116 .08 .14 .92 .14 .5 .5 | poly FCD116 .08 .86 .92 .86 .5 .5"
                        + " | poly 007A5E .08 .14 .5 .5 .08 .86 | poly 007A5E .92 .14 .5 .5 .92 .86 | disc CE1126 .5 .5 .14"
                        + " | star FCD116 .5 .5 .1 | starline FCD116 .3 .07 .7 .07 3 .05 | starline FCD116 .3 .93 .7 .93 3 .05"
                        + " | ellipse FCD116 .18 .5 .05 .07 | ellipse CE1126 .18 .5 .025 .035");
        d(
                "GE",
                "2:3",
                "field white | cross FF0000 .2 | rect FF0000 .14 .13 .08 .24 | rect FF0000 .06 .22 .24 .06"
                        + " | rect FF0000 .78 .13 .08 .24 | rect FF0000 .7 .22 .24 .06 | rect FF0000 .14 .63 .08 .24"
                        + " | rect FF0000 .06 .72 .24 .06 | rect FF0000 .78 .63 .08 .24 | rect FF0000 .7 .72 .24 .06");
        d("GH", "2:3", "h CE1126 FCD116 006B3F | star black .5 .5 .17");
        d("GM", "2:3", "h CE1126*6 white*1 0C1C8C*4 white*1 3A7728*6");
        d("GN", "2:3", "v CE1126 FCD116 009460");
        d(
                "GQ",
                "2:3",
                "h 3E9A00 white E32118 | tri 0073CE .2 | icon shield 9E9E9E .5 .5 .22"
                        + " | icon tree 2E7D32 .5 .5 .14");
        d(
                "GR",
                "2:3",
                "h 0D5EAF white 0D5EAF white 0D5EAF white 0D5EAF white 0D5EAF | rect 0D5EAF 0 0 10/27 5/9"
                        + " | rect white 4/27 0 2/27 5/9 | rect white 0 2/9 10/27 1/9");
        d(
                "GT",
                "5:8",
                "v 4997D0 white 4997D0 | ring 5A9F3F .5 .5 .2 .03 | icon bird 2E8B57 .5 .48 .16"
                        + " | bar 8D6E63 .44 .62 .56 .38 .02 | bar 8D6E63 .44 .38 .56 .62 .02");
        d("GW", "1:2", "h FCD116 009E49 | rect CE1126 0 0 1/3 1 | star black 1/6 .5 .16");
        d(
                "GY",
                "3:5",
                "field 009E49 | tri white 1 | poly FCD116 0 .045 .955 .5 0 .955 | tri black .5"
                        + " | poly CE1126 0 .07 .46 .5 0 .93");
        d(
                "HN",
                "1:2",
                "h 00BCE4 white 00BCE4 | star 00BCE4 .5 .5 .055 | star 00BCE4 .42 .42 .055"
                        + " | star 00BCE4 .58 .42 .055 | star 00BCE4 .42 .58 .055 | star 00BCE4 .58 .58 .055");
        d(
                "HR",
                "1:2",
                "h FF0000 white 171796 | rect 171796 .44 .25 .12 .07"
                        + " | checker FF0000 white .44 .33 .12 .24 5 5 | poly FF0000 .44 .57 .56 .57 .5 .7");
        d("HT", "3:5", "h 00209F D21034 | rect white .38 .33 .24 .34 | icon tree 016A16 .5 .5 .24");
        d("HU", "1:2", "h CD2A3E white 436F4D");
        d("ID", "2:3", "h FF0000 white");
        d("IE", "1:2", "v 169B62 white FF883E");
        d("IL", "8:11", "h white*15 0038B8*25 white*80 0038B8*25 white*15 | hexagram 0038B8 .5 .5 .18 .03");
        d("IN", "2:3", "special");
        d("IQ", "2:3", "h CE1126 white black | icon script 007A3D .4 .5 .22 | icon script 007A3D .6 .5 .22");
        d("IR", "4:7", "special");
        d("IS", "18:25", "field 02529C | nordic white 9/25 4/18 | nordic DC1E35 9/25 2/18");
        d("IT", "2:3", "v 009246 white CE2B37");
        d("JM", "1:2", "field 009B3A | poly black 0 0 .5 .5 0 1 | poly black 1 0 .5 .5 1 1 | saltire FED100 .16");
        d("JO", "1:2", "h black white 007A3D | tri CE1126 .5 | star white .18 .5 .09 7 0 .5");
        d("JP", "2:3", "field white | disc BC002D .5 .5 .3");
        d(
                "KE",
                "2:3",
                "h black*6 white*1 BB0000*6 white*1 006600*6 | bar white .38 .9 .62 .1 .025"
                        + " | bar white .62 .9 .38 .1 .025 | ellipse black .5 .5 .15 .35 | ellipse BB0000 .5 .5 .1 .34"
                        + " | ellipse white .5 .5 .02 .05");
        d(
                "KG",
                "3:5",
                "field E8112D | star FFEF00 .5 .5 .3 40 0 .72 | disc E8112D .5 .5 .18 | ring FFEF00 .5 .5 .16 .035"
                        + " | bar FFEF00 .44 .4 .56 .6 .02 | bar FFEF00 .44 .6 .56 .4 .02");
        d("KH", "2:3", "h 032EA1*1 E00025*2 032EA1*1 | icon temple white .5 .5 .36");
        d(
                "KI",
                "1:2",
                "field CE1126 | star FCD116 .5 .52 .24 21 0 .55 | disc FCD116 .5 .52 .12 | rect 003F87 0 .52 1 .48"
                        + " | rect white 0 .6 1 .06 | rect white 0 .74 1 .06 | rect white 0 .88 1 .06"
                        + " | icon bird FCD116 .5 .2 .22");
        d(
                "KM",
                "3:5",
                "h FFC61E white CE1126 3A75C4 | tri 3D8E33 .4 | crescent white .13 .5 .18 .16 .06 0"
                        + " | starline white .16 .35 .16 .65 4 .035");
        d(
                "KN",
                "2:3",
                "field CE1126 | poly 009E49 0 0 1 0 0 1 | band FCD116 0 1 1 0 .36 | band black 0 1 1 0 .26"
                        + " | star white .35 .65 .08 5 -34 | star white .65 .35 .08 5 -34");
        d(
                "KP",
                "1:2",
                "h 024FA2*6 white*1 ED1C27*15 white*1 024FA2*6 | disc white .36 .5 .25 | star ED1C27 .36 .5 .24");
        d("KR", "2:3", "special");
        d("KW", "1:2", "h 007A3D white CE1126 | poly black 0 0 .25 1/3 .25 2/3 0 1");
        d(
                "KZ",
                "1:2",
                "field 00AFCA | star FEC50C .5 .42 .26 32 0 .75 | disc 00AFCA .5 .42 .15 | disc FEC50C .5 .42 .13"
                        + " | icon bird FEC50C .5 .72 .26 | ornament FEC50C .02 .02 .06 .96 7");
        d("LA", "2:3", "h CE1126*1 002868*2 CE1126*1 | disc white .5 .5 .2");
        d("LB", "2:3", "h EE161F*1 white*2 EE161F*1 | icon tree 00A651 .5 .5 .46");
        d(
                "LC",
                "1:2",
                "field 66CCFF | poly white .5 .08 .64 .92 .36 .92 | poly black .5 .16 .62 .92 .38 .92"
                        + " | poly FCD116 .5 .5 .64 .92 .36 .92");
        d("LI", "3:5", "h 002B7F CE1126 | icon crown FFD83D .2 .25 .24");
        d(
                "LK",
                "1:2",
                "field FFB700 | rect 005F56 .03 .06 .12 .88 | rect FF5B00 .16 .06 .12 .88"
                        + " | rect 8D153A .31 .06 .66 .88 | icon bird FFB700 .64 .5 .55 | icon leaf FFB700 .36 .16 .1"
                        + " | icon leaf FFB700 .92 .16 .1 | icon leaf FFB700 .36 .84 .1 | icon leaf FFB700 .92 .84 .1");
        d(
                "LR",
                "10:19",
                "h BF0A30 white BF0A30 white BF0A30 white BF0A30 white BF0A30 white BF0A30"
                        + " | rect 002868 0 0 50/209 5/11 | star white 25/209 5/22 .16");
        d("LS", "2:3", "h 00209F*3 white*4 009543*3 | icon hat black .5 .5 .3");
        d("LT", "3:5", "h FDB913 006A44 C1272D");
        d("LU", "3:5", "h EF3340 white 00A3E0");
        d("LV", "1:2", "h 9E3039*2 white*1 9E3039*2");
        d(
                "LY",
                "1:2",
                "h E70013*1 black*2 239E46*1 | crescent white .48 .5 .15 .12 .04 0 | star white .53 .5 .07 5 -90");
        d("MA", "2:3", "field C1272D | pentagram 006233 .5 .5 .28 .04");
        d("MC", "4:5", "h CE1126 white");
        d(
                "MD",
                "1:2",
                "v 0046AE FFD200 CC092F | icon bird 8B5A2B .5 .47 .44 | icon shield CC092F .5 .55 .14"
                        + " | icon shield 0046AE .5 .64 .08");
        d(
                "ME",
                "1:2",
                "field D3AE3B | rect C40308 .025 .05 .95 .9 | icon bird D3AE3B .5 .5 .6"
                        + " | icon shield 1D5E91 .5 .56 .14");
        d("MG", "2:3", "h FC3D32 007E3A | rect white 0 0 1/3 1");
        d(
                "MH",
                "10:19",
                "field 003893 | poly DD7500 0 1 1 .12 1 .3 | poly white 0 1 1 0 1 .12"
                        + " | star white .2 .27 .2 24 0 .5");
        d(
                "MK",
                "1:2",
                "field D20000 | poly FFE600 .5 .5 .45 0 .55 0 | poly FFE600 .5 .5 .45 1 .55 1"
                        + " | poly FFE600 .5 .5 0 .4 0 .6 | poly FFE600 .5 .5 1 .4 1 .6 | poly FFE600 .5 .5 0 0 .08 0 0 .12"
                        + " | poly FFE600 .5 .5 1 0 .92 0 1 .12 | poly FFE600 .5 .5 0 1 .08 1 0 .88"
                        + " | poly FFE600 .5 .5 1 1 .92 1 1 .88 | disc D20000 .5 .5 .2 | disc FFE600 .5 .5 .17");
        d("ML", "2:3", "v 14B53A FCD116 CE1126");
        d("MM", "2:3", "h FECB00 34B233 EA2839 | star white .5 .54 .4");
        d(
                "MN",
                "1:2",
                "v C4272F 015197 C4272F | disc FFD900 .167 .3 .06 | crescent FFD900 .167 .42 .08 .07 0 -.03"
                        + " | rect FFD900 .13 .5 .074 .04 | rhombus FFD900 .167 .62 .03 .06 | rect FFD900 .13 .72 .074 .04"
                        + " | rect FFD900 .12 .5 .015 .26 | rect FFD900 .2 .5 .015 .26 | star FFD900 .167 .18 .06 3 0 .5");
        d("MR", "2:3", "h D01C1F*1 006233*3 D01C1F*1 | crescent FFD700 .5 .45 .22 .2 0 -.07 | star FFD700 .5 .36 .09");
        d("MT", "2:3", "v white CF142B | rect 9E9E9E .1 .07 .06 .2 | rect 9E9E9E .05 .14 .16 .06");
        d("MU", "2:3", "h EB2336 141A6A FFD500 00A551");
        d("MV", "2:3", "field D21034 | rect 007E3A 1/6 .25 2/3 .5 | crescent white .52 .5 .17 .14 .06 0");
        d(
                "MW",
                "2:3",
                "field black | star CE1126 .5 1/3 .26 31 0 .6 | disc CE1126 .5 1/3 .14 | rect CE1126 0 1/3 1 1/3"
                        + " | rect 339E35 0 2/3 1 1/3");
        d(
                "MX",
                "4:7",
                "v 006847 white CE1126 | halfring 2E7D32 .5 .52 .19 .03 | icon bird 8C5A2B .5 .47 .28"
                        + " | ellipse 5D8A3A .5 .62 .04 .05");
        d(
                "MY",
                "1:2",
                "h CC0001 white CC0001 white CC0001 white CC0001 white CC0001 white CC0001 white CC0001 white"
                        + " | rect 010066 0 0 .5 8/14 | crescent FFCC00 .17 .285 .2 .17 .05 0 | star FFCC00 .3 .285 .15 14 0 .45");
        d(
                "MZ",
                "2:3",
                "h 007168*6 white*1 black*6 white*1 FCE100*6 | tri D21034 .4 | star FCE100 .16 .5 .16"
                        + " | rect black .14 .47 .04 .06");
        d(
                "NA",
                "2:3",
                "field 009543 | poly 003580 0 0 1 0 0 1 | band white 0 1 1 0 .3 | band D21034 0 1 1 0 .22"
                        + " | star FFCE00 .2 .3 .17 12 0 .55 | disc 003580 .2 .3 .085 | disc FFCE00 .2 .3 .07");
        d("NE", "6:7", "h E05206 white 0DB02B | disc E05206 .5 .5 .13");
        d("NG", "1:2", "v 008751 white 008751");
        d("NI", "3:5", "h 0067C6 white 0067C6 | ring C9A227 .5 .5 .13 .03 | poly 0067C6 .5 .39 .58 .56 .42 .56");
        d("NL", "2:3", "h AE1C28 white 21468B");
        d("NO", "8:11", "field BA0C2F | nordic white 8/22 4/16 | nordic 00205B 8/22 2/16");
        d(
                "NP",
                "1.219:1",
                "field white | poly 003893 0 0 .97 .48 .4 .48 .97 1 0 1"
                        + " | poly DC143C .04 .045 .86 .455 .31 .455 .88 .97 .04 .97 | crescent white .3 .33 .14 .12 0 -.08"
                        + " | star white .3 .33 .09 16 0 .6 | star white .3 .75 .13 12 0 .6");
        d("NR", "1:2", "field 002B7F | rect FFC61E 0 11/24 1 1/12 | star white .25 .72 .14 12 0 .5");
        d(
                "NZ",
                "1:2",
                "field 00247D | union 0 0 .5 .5 | star white .75 .2 .09 | star CC142B .75 .2 .065"
                        + " | star white .64 .45 .08 | star CC142B .64 .45 .06 | star white .87 .39 .07 | star CC142B .87 .39 .05"
                        + " | star white .75 .8 .09 | star CC142B .75 .8 .065");
        d("OM", "1:2", "h white DB161B 008000 | rect DB161B 0 0 .25 1 | icon crown white .125 .2 .2");
        d(
                "PA",
                "2:3",
                "field white | rect DA121A .5 0 .5 .5 | rect 072357 0 .5 .5 .5 | star 072357 .25 .25 .1"
                        + " | star DA121A .75 .75 .1");
        d("PE", "2:3", "v D91023 white D91023");
        d(
                "PG",
                "3:4",
                "field black | poly CE1126 0 0 1 0 1 1 | icon bird FCD116 .7 .3 .36 | star white .25 .4 .055"
                        + " | star white .14 .6 .055 | star white .35 .58 .055 | star white .25 .83 .055 | star white .29 .68 .035");
        d(
                "PH",
                "1:2",
                "h 0038A8 CE1126 | tri white .433 | star FCD116 .144 .5 .16 8 0 .45 | disc FCD116 .144 .5 .07"
                        + " | star FCD116 .04 .1 .05 5 -30 | star FCD116 .04 .9 .05 5 30 | star FCD116 .38 .5 .05 5 90");
        d(
                "PK",
                "2:3",
                "field 01411C | rect white 0 0 .25 1 | crescent white .625 .5 .3 .27 .09 -.07"
                        + " | star white .7 .38 .1 5 30");
        d("PL", "5:8", "h white DC143C");
        d(
                "PT",
                "2:3",
                "v 006600*2 FF0000*3 | ring FFE000 .4 .5 .22 .05 | icon shield white .4 .5 .26"
                        + " | icon shield FF0000 .4 .49 .18 | icon shield 003399 .4 .49 .08");
        d("PW", "5:8", "field 0099FF | disc FFFF00 .45 .5 .3");
        d("PY", "3:5", "h D52B1E white 0038A8 | ring 2E7D32 .5 .5 .12 .025 | star FCD116 .5 .5 .06");
        d("QA", "11:28", "field 8A1538 | serrate white .26 .36 9");
        d("RO", "2:3", "v 002B7F FCD116 CE1126");
        d(
                "RS",
                "2:3",
                "h C6363C 0C4076 white | icon crown F0C94A .36 .3 .1 | icon shield F0C94A .36 .5 .36"
                        + " | icon shield C6363C .36 .5 .28 | rect white .355 .41 .01 .18 | rect white .325 .46 .07 .03");
        d("RU", "2:3", "h white 0039A6 D52B1E");
        d(
                "RW",
                "2:3",
                "h 00A1DE*2 FAD201*1 20603D*1 | star FAD201 .83 .25 .15 24 0 .6 | disc 00A1DE .83 .25 .075"
                        + " | disc FAD201 .83 .25 .06");
        d(
                "SA",
                "2:3",
                "field 006C35 | icon script white .38 .38 .28 | icon script white .62 .38 .28 | bar white .27 .7 .72 .7 .035"
                        + " | rect white .7 .65 .015 .1");
        d(
                "SB",
                "1:2",
                "field 215B33 | poly 0051BA 0 0 1 0 0 1 | band FCD116 0 1 1 0 .08 | star white .08 .12 .06"
                        + " | star white .25 .12 .06 | star white .165 .27 .06 | star white .08 .42 .06 | star white .25 .42 .06");
        d(
                "SC",
                "1:2",
                "field 003F87 | poly FCD856 0 1 1/3 0 2/3 0 | poly D62828 0 1 2/3 0 1 0 1 1/3"
                        + " | poly white 0 1 1 1/3 1 2/3 | poly 007A3D 0 1 1 2/3 1 1");
        d("SD", "1:2", "h D21034 white black | tri 007229 .33");
        d("SE", "5:8", "field 006AA7 | nordic FECC00 .375 .2");
        d("SG", "2:3", "h EF3340 white | crescent white .19 .25 .16 .14 .05 0 | starring white .27 .25 .09 5 .035");
        d(
                "SI",
                "1:2",
                "h white 005CE5 ED1C24 | icon shield ED1C24 .27 .4 .34 | icon shield 005CE5 .27 .4 .28"
                        + " | poly white .22 .46 .27 .34 .32 .46 | star FCD116 .27 .3 .03 6");
        d(
                "SK",
                "2:3",
                "h white 0B4EA2 EE1C25 | icon shield white .34 .5 .56 | icon shield EE1C25 .34 .5 .48"
                        + " | disc 0B4EA2 .34 .68 .1 | rect white .33 .3 .02 .32 | rect white .305 .38 .07 .03"
                        + " | rect white .295 .46 .09 .03");
        d("SL", "2:3", "h 1EB53A white 0072C6");
        d(
                "SM",
                "3:4",
                "h white 5EB6E4 | icon shield 5EB6E4 .5 .5 .34 | icon shield white .5 .5 .28"
                        + " | icon crown F0C94A .5 .27 .12 | icon tree 2E7D32 .5 .55 .14");
        d("SN", "2:3", "v 00853F FDEF42 E31B23 | star 00853F .5 .5 .15");
        d("SO", "2:3", "field 4189DD | star white .5 .5 .27");
        d("SR", "2:3", "h 377E3F*2 white*1 B40A2D*4 white*1 377E3F*2 | star ECC81D .5 .5 .2");
        d("SS", "1:2", "h black*6 white*1 DA121A*6 white*1 078930*6 | tri 0F47AF .45 | star FCDD09 .13 .5 .13 5 90");
        d("ST", "1:2", "h 12AD2B*2 FFCE00*3 12AD2B*2 | tri D21034 .25 | star black .46 .5 .13 | star black .74 .5 .13");
        d("SV", "3:5", "h 0F47AF white 0F47AF | ring 2E7D32 .5 .5 .14 .025 | poly F0C94A .5 .4 .58 .56 .42 .56");
        d("SY", "2:3", "h 007A3D white black | star CE1126 .3 .5 .1 | star CE1126 .5 .5 .1 | star CE1126 .7 .5 .1");
        d(
                "SZ",
                "2:3",
                "h 3E5EB9*3 FFD900*1 B10C0C*6 FFD900*1 3E5EB9*3 | rect FFD900 .15 .48 .7 .04"
                        + " | ellipse white .5 .5 .36 .15 | poly black .5 .35 .83 .4 .86 .5 .83 .6 .5 .65");
        d("TD", "2:3", "v 002664 FECB00 C60C30");
        d("TG", "3:5", "h 006A4E FFCE00 006A4E FFCE00 006A4E | rect D21034 0 0 .36 .6 | star white .18 .3 .2");
        d("TH", "2:3", "h A51931*1 white*1 2D2A4A*2 white*1 A51931*1");
        d(
                "TJ",
                "1:2",
                "h CC0000*2 white*3 006600*2 | icon crown F8C300 .5 .52 .12"
                        + " | starring F8C300 .5 .52 .17 7 .03 -70 70");
        d("TL", "1:2", "field DC241F | tri FFC726 .5 | tri black 1/3 | star white .11 .5 .13 5 -30");
        d(
                "TM",
                "2:3",
                "field 00843D | rect D22630 .1 0 .15 1 | ornament F5A623 .125 .05 .1 .9 5"
                        + " | crescent white .36 .2 .11 .1 .04 0 | starring white .42 .2 .12 5 .03 -170 -10");
        d(
                "TN",
                "2:3",
                "field E70013 | disc white .5 .5 .25 | crescent E70013 .5 .5 .19 .155 .05 0"
                        + " | star E70013 .54 .5 .1 5 -90");
        d(
                "TO",
                "1:2",
                "field C10000 | rect white 0 0 .4 .5 | rect C10000 .18 .06 .04 .38 | rect C10000 .12 .2 .16 .08");
        d("TR", "2:3", "field E30A17 | crescent white 1/3 .5 .25 .2 .0625 0 | star white .555 .5 .125 5 -90");
        d("TT", "3:5", "field CE1126 | band white 0 0 1 1 .3 | band black 0 0 1 1 .22");
        d(
                "TV",
                "1:2",
                "field 009FCA | union 0 0 .5 .5 | star FFCE00 .57 .8 .05 | star FFCE00 .62 .62 .05"
                        + " | star FFCE00 .68 .78 .05 | star FFCE00 .73 .55 .05 | star FFCE00 .77 .35 .05"
                        + " | star FFCE00 .84 .5 .05 | star FFCE00 .88 .25 .05 | star FFCE00 .93 .12 .05 | star FFCE00 .95 .38 .05");
        d(
                "TW",
                "2:3",
                "field FE0000 | rect 000095 0 0 .5 .5 | star white .25 .25 .19 12 0 .55 | disc 000095 .25 .25 .1"
                        + " | disc white .25 .25 .085");
        d("TZ", "2:3", "field 00A3DD | poly 1EB53A 0 0 1 0 0 1 | band FCD116 0 1 1 0 .36 | band black 0 1 1 0 .26");
        d("UA", "2:3", "h 0057B7 FFD700");
        d("UG", "2:3", "h black FCDC04 D90000 black FCDC04 D90000 | disc white .5 .5 .2 | icon bird 555555 .5 .5 .3");
        d("US", "10:19", "special");
        d(
                "UY",
                "2:3",
                "h white 0038A8 white 0038A8 white 0038A8 white 0038A8 white | rect white 0 0 10/27 5/9"
                        + " | star FCD116 5/27 5/18 .2 16 0 .6 | disc FCD116 5/27 5/18 .1");
        d(
                "UZ",
                "1:2",
                "h 0099B5*15 CE1126*1 white*15 CE1126*1 1EB53A*15 | crescent white .1 .17 .1 .085 .035 0"
                        + " | starline white .2 .08 .3 .08 3 .025 | starline white .15 .17 .3 .17 4 .025"
                        + " | starline white .1 .26 .3 .26 5 .025");
        d(
                "VA",
                "1:1",
                "v FFE000 white | bar D4AF37 .55 .35 .85 .75 .05 | bar C0C0C0 .85 .35 .55 .75 .05"
                        + " | icon crown D4AF37 .7 .3 .18");
        d(
                "VC",
                "2:3",
                "v 002674*1 FCD116*2 009E60*1 | rhombus 009E60 .41 .38 .05 .13 | rhombus 009E60 .59 .38 .05 .13"
                        + " | rhombus 009E60 .5 .62 .05 .13");
        d("VE", "2:3", "h FFCC00 00247D CF142B | starring white .5 .78 .36 8 .045 -60 60");
        d("VN", "2:3", "field DA251D | star FFFF00 .5 .5 .3");
        d(
                "VU",
                "3:5",
                "h D21034 009543 | poly black 0 0 .14 0 .5 .4 1 .4 1 .6 .5 .6 .14 1 0 1"
                        + " | poly FDCE12 0 .05 .08 .05 .48 .45 1 .45 1 .55 .48 .55 .08 .95 0 .95"
                        + " | poly black 0 .13 .4 .5 0 .87 | ring FDCE12 .12 .5 .11 .03");
        d(
                "WS",
                "1:2",
                "field CE1126 | rect 002B7F 0 0 .5 .5 | star white .25 .1 .06 | star white .17 .23 .06"
                        + " | star white .34 .2 .055 | star white .3 .32 .035 | star white .25 .41 .07");
        d("YE", "2:3", "h CE1126 white black");
        d(
                "ZA",
                "2:3",
                "h E03C31 001489 | bar white 0 0 .48 .5 .38 | bar white 0 1 .48 .5 .38 | rect white .45 .36 .55 .28"
                        + " | bar 007749 0 0 .5 .5 .22 | bar 007749 0 1 .5 .5 .22 | rect 007749 .46 .4 .54 .2"
                        + " | poly FFB612 0 .12 .36 .5 0 .88 | poly black 0 .2 .3 .5 0 .8");
        d(
                "ZM",
                "2:3",
                "field 198A00 | rect DE2010 .73 .375 .09 .625 | rect black .82 .375 .09 .625"
                        + " | rect EF7D00 .91 .375 .09 .625 | icon bird EF7D00 .865 .2 .2");
        d(
                "ZW",
                "1:2",
                "h 319208 FFD200 DE2010 black DE2010 FFD200 319208 | tri black .45 | poly white 0 .04 .42 .5 0 .96"
                        + " | star DE2010 .15 .5 .15 | icon bird FFD200 .15 .5 .12");
    }
}
