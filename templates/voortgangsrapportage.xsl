<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Voortgangsrapportage voor de stuurgroep over een periode (standaard de laatste twaalf maanden, niet van voor de start) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>
  <!-- since: het begin dat de gebruiker koos (leeg: standaard); year-ago: twaalf maanden voor today -->
  <xsl:param name="since"/>
  <xsl:param name="year-ago"/>

  <xsl:variable name="until">
    <xsl:call-template name="kngg-peildatum"><xsl:with-param name="today" select="$today"/></xsl:call-template>
  </xsl:variable>
  <!-- de start van het project: de eerste gestarte stap of cyclus -->
  <xsl:variable name="project-start">
    <xsl:for-each select="/kngg-export/phases/phase/runs/run/@started | /kngg-export/phases/phase/runs/run/steps/step/@started">
      <xsl:sort select="translate(., '-', '')" data-type="number"/>
      <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <!-- standaard: de laatste twaalf maanden, maar niet van voor de start -->
  <xsl:variable name="from">
    <xsl:choose>
      <xsl:when test="$since != ''"><xsl:value-of select="$since"/></xsl:when>
      <xsl:when test="$project-start != '' and ($year-ago = '' or number(translate($project-start, '-', '')) &gt; number(translate($year-ago, '-', '')))"><xsl:value-of select="$project-start"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$year-ago"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- de periode als getallen JJJJMMDD; zonder begin: vanaf het begin -->
  <xsl:variable name="from-n" select="number(concat('0', translate($from, '-', '')))"/>
  <xsl:variable name="until-n" select="number(translate($until, '-', ''))"/>
  <xsl:variable name="period">
    <xsl:choose>
      <xsl:when test="$from != ''"><xsl:value-of select="$from"/> tot en met <xsl:value-of select="$until"/></xsl:when>
      <xsl:otherwise>vanaf het begin tot en met <xsl:value-of select="$until"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- waarom deze periode, als de gebruiker er geen koos -->
  <xsl:variable name="period-why">
    <xsl:choose>
      <xsl:when test="$since != ''"/>
      <xsl:when test="$from != '' and $from = $project-start"> (sinds de start van het project)</xsl:when>
      <xsl:when test="$from != ''"> (de laatste twaalf maanden)</xsl:when>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/kngg-export">
    <xsl:variable name="steps" select="phases/phase/runs/run/steps/step"/>
    <xsl:variable name="done" select="$steps[@done and number(translate(@done, '-', '')) &gt;= $from-n and number(translate(@done, '-', '')) &lt;= $until-n]"/>
    <xsl:variable name="started" select="$steps[@started and not(@done) and number(translate(@started, '-', '')) &gt;= $from-n and number(translate(@started, '-', '')) &lt;= $until-n]"/>
    <xsl:variable name="sigs" select="signatures/signature[number(translate(@date, '-', '')) &gt;= $from-n and number(translate(@date, '-', '')) &lt;= $until-n]"/>
    <xsl:variable name="people" select="stakeholders/stakeholder[not(@erased = 'true')]"/>
    <xsl:variable name="assessments" select="$people/assessments/assessment[number(translate(@date, '-', '')) &gt;= $from-n and number(translate(@date, '-', '')) &lt;= $until-n]"/>
    <xsl:variable name="role-changes" select="$people/roles/role[(number(translate(@from, '-', '')) &gt;= $from-n and number(translate(@from, '-', '')) &lt;= $until-n) or (@until and number(translate(@until, '-', '')) &gt;= $from-n and number(translate(@until, '-', '')) &lt;= $until-n)]"/>

    <document title="Voortgangsrapportage" subtitle="Kind naar Gezonder Gewicht in {@name}, {$period}">
      <xsl:call-template name="kngg-header">
        <xsl:with-param name="today" select="$today"/>
        <xsl:with-param name="extra"><br/><b>Periode:</b><xsl:text> </xsl:text><xsl:value-of select="$period"/><xsl:value-of select="$period-why"/></xsl:with-param>
      </xsl:call-template>

      <h1>Samenvatting</h1>
      <p><fill>de drie belangrijkste ontwikkelingen van deze periode in een paar zinnen</fill></p>
      <p>In deze periode: <xsl:value-of select="count($done)"/> stap(pen) afgerond, <xsl:value-of select="count($started)"/> gestart, <xsl:value-of select="count($sigs)"/> ondertekening(en) en <xsl:value-of select="count($assessments)"/> stakeholderanalyse(s) vastgelegd.</p>

      <h1>Waar staan we</h1>
      <p>
        <xsl:text>Fase </xsl:text><xsl:value-of select="@current_phase"/>
        <xsl:if test="phases/phase[@number = current()/@current_phase]/@title">: <xsl:value-of select="phases/phase[@number = current()/@current_phase]/@title"/></xsl:if>
        <xsl:text>. </xsl:text>
        <xsl:if test="readiness/@calculated_phase and string(readiness/@calculated_phase) != string(@current_phase)">Volgens de gereedheidsregels is fase <xsl:value-of select="readiness/@calculated_phase"/> nog niet helemaal rond. </xsl:if>
        <xsl:choose>
          <xsl:when test="readiness/@ready = 'true'">Alle regels voor de volgende stap zijn vervuld.</xsl:when>
          <xsl:otherwise>Nog niet alle regels voor de volgende stap zijn vervuld.</xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:for-each select="readiness/sections/section">
        <h2>Open punten: <xsl:value-of select="@scope"/><xsl:if test="@area and not(contains(@scope, @area))"> (<xsl:value-of select="@area"/>)</xsl:if></h2>
        <xsl:call-template name="kngg-open-rules">
          <xsl:with-param name="rules" select="rules/rule[@met = 'false']"/>
          <xsl:with-param name="with-why" select="false()"/>
        </xsl:call-template>
      </xsl:for-each>

      <h1>Stappen in deze periode</h1>
      <h2>Afgerond</h2>
      <xsl:call-template name="step-rows">
        <xsl:with-param name="steps" select="$done"/>
        <xsl:with-param name="date" select="'done'"/>
        <xsl:with-param name="empty" select="'In deze periode is geen stap afgerond.'"/>
      </xsl:call-template>
      <h2>Gestart en nog bezig</h2>
      <xsl:call-template name="step-rows">
        <xsl:with-param name="steps" select="$started"/>
        <xsl:with-param name="date" select="'started'"/>
        <xsl:with-param name="empty" select="'In deze periode is geen nieuwe stap gestart.'"/>
      </xsl:call-template>

      <h1>Planning</h1>
      <p>De geplande datums naast wat er gebeurde (stand op <xsl:value-of select="$until"/>).</p>
      <xsl:call-template name="kngg-plan-table"/>

      <h1>Besluiten en ondertekeningen</h1>
      <xsl:call-template name="kngg-signatures-table">
        <xsl:with-param name="sigs" select="$sigs"/>
        <xsl:with-param name="empty" select="'In deze periode is niets ondertekend.'"/>
        <xsl:with-param name="fill" select="'besluiten die buiten kngg zijn genomen'"/>
      </xsl:call-template>

      <h1>Draagvlak en commitment</h1>
      <xsl:choose>
        <xsl:when test="$assessments">
          <table>
            <!-- de organisatie onder de naam: vijf kolommen passen op een staande A4 -->
            <tr><th>Datum</th><th>Persoon en organisatie</th><th>Commitment</th><th>Houding</th><th>Notitie</th></tr>
            <xsl:for-each select="$assessments">
              <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
              <xsl:variable name="before" select="preceding-sibling::assessment[1]"/>
              <tr>
                <td><xsl:value-of select="@date"/></td>
                <td>
                  <xsl:call-template name="kngg-person-name"><xsl:with-param name="person" select="../.."/></xsl:call-template>
                  <xsl:if test="string(../../@organisation) != ''"><br/><xsl:value-of select="../../@organisation"/></xsl:if>
                </td>
                <td>
                  <xsl:if test="$before and $before/@commitment != @commitment">
                    <xsl:call-template name="kngg-commitment-label"><xsl:with-param name="value" select="$before/@commitment"/></xsl:call-template>
                    <xsl:text> → </xsl:text>
                  </xsl:if>
                  <xsl:call-template name="kngg-commitment-label"><xsl:with-param name="value" select="@commitment"/></xsl:call-template>
                  <xsl:if test="not($before)"> (eerste analyse)</xsl:if>
                </td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@stance"/></xsl:call-template></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@note"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><p>In deze periode is geen stakeholderanalyse vastgelegd.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$role-changes">
        <h2>Wisselingen in rollen</h2>
        <ul>
          <xsl:for-each select="$role-changes">
            <li>
              <xsl:value-of select="../../@name"/>: <xsl:value-of select="@title"/><xsl:if test="@deputy = 'true'"> (plaatsvervanger)</xsl:if>
              <xsl:choose>
                <xsl:when test="@until and number(translate(@until, '-', '')) &lt;= $until-n"> tot <xsl:value-of select="@until"/></xsl:when>
                <xsl:otherwise> vanaf <xsl:value-of select="@from"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <p><b>Met commitment nu:</b><xsl:text> </xsl:text><xsl:value-of select="count($people[@committed = 'true'])"/> van <xsl:value-of select="count($people)"/> stakeholders.</p>

      <h1>Essentiële factoren</h1>
      <h2>Checks in deze periode</h2>
      <xsl:call-template name="kngg-factor-checks">
        <xsl:with-param name="from-n" select="$from-n"/>
        <xsl:with-param name="until-n" select="$until-n"/>
      </xsl:call-template>
      <h2>Laatste stand</h2>
      <xsl:call-template name="kngg-factor-table"/>

      <h1>Signalen</h1>
      <xsl:call-template name="kngg-signals"/>

      <h1>Wat ging goed</h1>
      <p><fill>successen en mijlpalen van deze periode</fill></p>
      <h1>Knelpunten</h1>
      <p><fill>wat stagneert, waarom, en wat er al aan gedaan wordt</fill></p>
      <h1>Gevraagd besluit van de stuurgroep</h1>
      <p><fill>het besluit dat de stuurgroep nu moet nemen, of: ter kennisname</fill></p>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- Stappen met waar ze horen (fase, gebied of cyclus) en een datum. -->
  <xsl:template name="step-rows">
    <xsl:param name="steps"/>
    <xsl:param name="date"/>
    <xsl:param name="empty"/>
    <xsl:choose>
      <xsl:when test="$steps">
        <table>
          <tr><th>Stap</th><th>Titel</th><th>Waar</th><th><xsl:choose><xsl:when test="$date = 'done'">Afgerond op</xsl:when><xsl:otherwise>Gestart op</xsl:otherwise></xsl:choose></th><th>Notitie</th></tr>
          <xsl:for-each select="$steps">
            <xsl:sort select="translate(@*[name() = $date], '-', '')" data-type="number"/>
            <xsl:variable name="run" select="../.."/>
            <tr>
              <td><xsl:value-of select="@id"/></td>
              <td><xsl:value-of select="@title"/></td>
              <td>
                <xsl:text>fase </xsl:text><xsl:value-of select="$run/../../@number"/>
                <xsl:if test="$run/@label or $run/@cycle">, <xsl:call-template name="kngg-run-name"><xsl:with-param name="run" select="$run"/></xsl:call-template></xsl:if>
              </td>
              <td><xsl:value-of select="@*[name() = $date]"/></td>
              <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@note"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
